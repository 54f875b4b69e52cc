package dev.pat.persistence;

import dev.pat.domain.contract.StoreFixture;
import dev.pat.domain.contract.TokenStoreContract;
import dev.pat.persistence.testing.DatabaseFixture;

class PostgresTokenStoreIT extends TokenStoreContract {
    @Override
    protected StoreFixture open() {
        return DatabaseFixture.postgres();
    }
}
