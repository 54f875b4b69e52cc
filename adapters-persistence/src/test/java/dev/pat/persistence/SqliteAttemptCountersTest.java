package dev.pat.persistence;

import dev.pat.domain.contract.AttemptCountersContract;
import dev.pat.domain.contract.StoreFixture;
import dev.pat.persistence.testing.DatabaseFixture;

class SqliteAttemptCountersTest extends AttemptCountersContract {
    @Override
    protected StoreFixture open() {
        return DatabaseFixture.sqlite();
    }
}
