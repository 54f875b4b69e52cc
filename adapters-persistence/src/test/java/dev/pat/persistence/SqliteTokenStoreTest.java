package dev.pat.persistence;

import dev.pat.domain.contract.StoreFixture;
import dev.pat.domain.contract.TokenStoreContract;
import dev.pat.persistence.testing.DatabaseFixture;

class SqliteTokenStoreTest extends TokenStoreContract {
    @Override
    protected StoreFixture open() {
        return DatabaseFixture.sqlite();
    }
}
