package dev.pat.persistence;

import dev.pat.domain.contract.AccountStoreContract;
import dev.pat.domain.contract.StoreFixture;
import dev.pat.persistence.testing.DatabaseFixture;

class PostgresAccountStoreIT extends AccountStoreContract {
    @Override
    protected StoreFixture open() {
        return DatabaseFixture.postgres();
    }
}
