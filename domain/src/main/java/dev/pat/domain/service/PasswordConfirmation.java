package dev.pat.domain.service;

import dev.pat.domain.model.PasswordConfirmationFailed;
import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.port.out.AccountStore;
import dev.pat.domain.port.out.Clock;
import dev.pat.domain.port.out.PasswordHasher;

/**
 * The rule of the seed that every change is confirmed with the account's password: checked before anything is
 * applied, limited against guessing, and an outdated hash is upgraded on success.
 */
public final class PasswordConfirmation {
    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final AttemptLimiter limiter;
    private final Clock clock;

    public PasswordConfirmation(AccountStore accounts, PasswordHasher hasher, AttemptLimiter limiter, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** Passes silently when the password is the account's; throws {@link PasswordConfirmationFailed} otherwise. */
    public void confirm(AccountId id, Password password) {
        String key = "confirm:" + id.value();
        limiter.check(key, clock.now());
        Account account = accounts.byId(id).orElseThrow(PasswordConfirmationFailed::new);
        if (!check(account, password)) {
            limiter.failed(key, clock.now());
            throw new PasswordConfirmationFailed();
        }
        limiter.succeeded(key);
    }

    /** Verifies a password, replacing a hash made with outdated parameters when it matches. */
    boolean check(Account account, Password password) {
        if (!hasher.verify(account.passwordHash(), password)) {
            return false;
        }
        if (hasher.needsRehash(account.passwordHash())) {
            accounts.changePasswordHash(account.id(), hasher.hash(password));
        }
        return true;
    }
}
