package dev.pat.domain.contract;

import dev.pat.domain.port.out.AccountStore;
import dev.pat.domain.port.out.AttemptCounters;
import dev.pat.domain.port.out.EnvironmentStore;
import dev.pat.domain.port.out.SessionStore;
import dev.pat.domain.port.out.TokenStore;
import dev.pat.domain.port.out.Transactions;
import dev.pat.domain.port.out.UsageRecorder;
import dev.pat.domain.testing.InMemoryStores;
import dev.pat.domain.testing.PinnedClock;
import org.junit.jupiter.api.Nested;

/** The in-memory fakes that the domain tests lean on honour the same contracts as the real stores. */
class InMemoryContractsTest {

    static StoreFixture inMemory() {
        InMemoryStores stores = new InMemoryStores(PinnedClock.at("2026-11-27T10:00:00Z"));
        return new StoreFixture() {
            public AccountStore accounts() { return stores.accounts; }
            public SessionStore sessions() { return stores.sessions; }
            public TokenStore tokens() { return stores.tokens; }
            public EnvironmentStore environments() { return stores.environments; }
            public UsageRecorder usage() { return stores.usage; }
            public Transactions transactions() { return stores; }
            public AttemptCounters attempts() { return stores.attempts; }
            public void flushUsage() { }
            public void close() { }
        };
    }

    @Nested
    class Accounts extends AccountStoreContract {
        protected StoreFixture open() { return inMemory(); }
    }

    @Nested
    class Sessions extends SessionStoreContract {
        protected StoreFixture open() { return inMemory(); }
    }

    @Nested
    class Tokens extends TokenStoreContract {
        protected StoreFixture open() { return inMemory(); }
    }

    @Nested
    class Environments extends EnvironmentStoreContract {
        protected StoreFixture open() { return inMemory(); }
    }

    @Nested
    class Attempts extends AttemptCountersContract {
        protected StoreFixture open() { return inMemory(); }
    }
}
