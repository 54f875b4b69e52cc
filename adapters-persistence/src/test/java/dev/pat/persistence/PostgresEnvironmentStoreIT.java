package dev.pat.persistence;

import dev.pat.domain.contract.EnvironmentStoreContract;
import dev.pat.domain.contract.StoreFixture;
import dev.pat.persistence.testing.DatabaseFixture;

class PostgresEnvironmentStoreIT extends EnvironmentStoreContract {
    @Override
    protected StoreFixture open() {
        return DatabaseFixture.postgres();
    }
}
