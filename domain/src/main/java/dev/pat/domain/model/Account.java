package dev.pat.domain.model;

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
    private final Instant createdOn;

    private Account(AccountId id, Login login, DisplayName name, PasswordHash passwordHash,
                    Optional<TotpSecret> twoFactor, Instant createdOn) {
        this.id = id;
        this.login = Objects.requireNonNull(login, "login");
        this.name = Objects.requireNonNull(name, "name");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.twoFactor = Objects.requireNonNull(twoFactor, "twoFactor");
        this.createdOn = Objects.requireNonNull(createdOn, "createdOn");
    }

    /** A new account without two-factor authentication; the store assigns its id. */
    public static Account open(Login login, DisplayName name, PasswordHash passwordHash, Instant now) {
        return new Account(null, login, name, passwordHash, Optional.empty(), now);
    }

    public static Account rebuild(AccountId id, Login login, DisplayName name, PasswordHash passwordHash,
                                  Optional<TotpSecret> twoFactor, Instant createdOn) {
        return new Account(Objects.requireNonNull(id, "id"), login, name, passwordHash, twoFactor, createdOn);
    }

    public Account withId(AccountId assigned) {
        return new Account(assigned, login, name, passwordHash, twoFactor, createdOn);
    }

    public Account withPasswordHash(PasswordHash hash) {
        return new Account(id, login, name, hash, twoFactor, createdOn);
    }

    public Account withTwoFactor(Optional<TotpSecret> secret) {
        return new Account(id, login, name, passwordHash, secret, createdOn);
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
