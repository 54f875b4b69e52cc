package dev.pat.domain.contract;

import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.PasswordHash;
import dev.pat.domain.port.out.AccountStore;
import dev.pat.domain.port.out.AttemptCounters;
import dev.pat.domain.port.out.EnvironmentStore;
import dev.pat.domain.port.out.SessionStore;
import dev.pat.domain.port.out.TokenStore;
import dev.pat.domain.port.out.Transactions;
import dev.pat.domain.port.out.UsageRecorder;
import dev.pat.domain.testing.PinnedClock;

import java.time.Instant;

/** A fresh, empty set of store implementations for one contract test. */
public interface StoreFixture extends AutoCloseable {
    PinnedClock CLOCK_START = PinnedClock.at("2026-11-27T10:00:00Z");

    AccountStore accounts();

    SessionStore sessions();

    TokenStore tokens();

    EnvironmentStore environments();

    UsageRecorder usage();

    Transactions transactions();

    AttemptCounters attempts();

    /** Makes noted usage visible to a fresh reader of the store (a no-op where it is immediate). */
    void flushUsage();

    @Override
    void close();

    default Account anAccount(String login) {
        return accounts().add(Account.open(new Login(login), new DisplayName("Someone"), new PasswordHash("v1:hash"),
                Instant.parse("2026-11-27T10:00:00Z")));
    }
}
