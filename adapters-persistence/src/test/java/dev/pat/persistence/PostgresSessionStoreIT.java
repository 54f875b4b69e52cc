package dev.pat.persistence;

import dev.pat.domain.contract.SessionStoreContract;
import dev.pat.domain.contract.StoreFixture;
import dev.pat.persistence.testing.DatabaseFixture;

class PostgresSessionStoreIT extends SessionStoreContract {
    @Override
    protected StoreFixture open() {
        return DatabaseFixture.postgres();
    }
}
