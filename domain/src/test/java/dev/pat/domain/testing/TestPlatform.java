package dev.pat.domain.testing;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.service.Platform;

/** The whole core on in-memory ports, with pinned time and randomness. */
public final class TestPlatform {
    public static final String PASSWORD = "correct horse battery";

    public final PinnedClock clock = PinnedClock.at("2026-11-27T10:00:00Z");
    public final SeededRandomness randomness = new SeededRandomness(42);
    public final InMemoryStores stores = new InMemoryStores(clock);
    public final PlainHasher hasher = new PlainHasher();
    public final FakeSecondFactor secondFactor = new FakeSecondFactor();
    public final Platform platform;

    public TestPlatform() {
        this(Platform.Policies.STANDARD);
    }

    /** The core with other policies than the standard ones. */
    public TestPlatform(Platform.Policies policies) {
        platform = new Platform(new Platform.Ports(stores.accounts, stores.sessions, stores.tokens, stores.environments,
                stores.usage, stores, stores.attempts, stores.calls, stores.audit, hasher, secondFactor, clock,
                randomness),
                policies);
    }

    public Account account(String login) {
        return platform.administration().createAccount(new Login(login), new DisplayName(login),
                Password.chosen(PASSWORD));
    }

    /** Where the tests' calls come from: an address of TEST-NET-1. */
    public static final ClientAddress HERE = ClientAddress.parse("192.0.2.10");

    public Caller session(Account account) {
        return as(account.id());
    }

    /** The account, calling with a session from {@link #HERE}. */
    public static Caller as(AccountId account) {
        return Caller.bySession(account, HERE);
    }

    public static Password password() {
        return Password.given(PASSWORD);
    }
}
