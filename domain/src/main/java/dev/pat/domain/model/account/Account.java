package dev.pat.domain.model.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A platform account: who signs in, with what password hash, and with which authenticator if any. */
public final class Account {
    private final AccountId id;
    private final Login login;
    private final DisplayName name;
    private final PasswordHash passwordHash;
    private final Optional<TotpSecret> twoFactor;
    private final long lastTotpStep;
    private final Instant createdOn;

    private Account(AccountId id, Login login, DisplayName name, PasswordHash passwordHash,
                    Optional<TotpSecret> twoFactor, long lastTotpStep, Instant createdOn) {
        this.id = id;
        this.login = Objects.requireNonNull(login, "login");
        this.name = Objects.requireNonNull(name, "name");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.twoFactor = Objects.requireNonNull(twoFactor, "twoFactor");
        this.lastTotpStep = lastTotpStep;
        this.createdOn = Objects.requireNonNull(createdOn, "createdOn");
    }

    /** A new account without two-factor authentication; the store assigns its id. */
    public static Account open(Login login, DisplayName name, PasswordHash passwordHash, Instant now) {
        return new Account(null, login, name, passwordHash, Optional.empty(), 0, now);
    }

    public static Account rebuild(AccountId id, Login login, DisplayName name, PasswordHash passwordHash,
                                  Optional<TotpSecret> twoFactor, long lastTotpStep, Instant createdOn) {
        return new Account(Objects.requireNonNull(id, "id"), login, name, passwordHash, twoFactor, lastTotpStep,
                createdOn);
    }

    public Account withId(AccountId assigned) {
        return new Account(assigned, login, name, passwordHash, twoFactor, lastTotpStep, createdOn);
    }

    /**
     * Accepts a two-factor code of this time step, once: a code of this step or an earlier one has been used
     * (or superseded), so it is refused.
     */
    public Optional<Account> acceptTotpStep(long step) {
        return step > lastTotpStep
                ? Optional.of(new Account(id, login, name, passwordHash, twoFactor, step, createdOn))
                : Optional.empty();
    }

    public long lastTotpStep() {
        return lastTotpStep;
    }

    public AccountId id() {
        return id;
    }

    public Login login() {
        return login;
    }

    public DisplayName name() {
        return name;
    }

    public PasswordHash passwordHash() {
        return passwordHash;
    }

    public Optional<TotpSecret> twoFactor() {
        return twoFactor;
    }

    public boolean hasTwoFactor() {
        return twoFactor.isPresent();
    }

    public Instant createdOn() {
        return createdOn;
    }

    @Override
    public String toString() {
        return "Account[id=" + (id == null ? "new" : id.value()) + ", login=" + login.value() + "]";
    }
}
