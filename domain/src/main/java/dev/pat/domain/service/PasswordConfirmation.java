package dev.pat.domain.service;

import dev.pat.domain.model.PasswordConfirmationFailed;
import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.port.out.AccountStore;
import dev.pat.domain.port.out.PasswordHasher;

import java.util.Optional;

/**
 * The rule of the seed that every change is confirmed with the account's password: checked before anything is
 * applied, limited against guessing ({@link Throttle}), and an outdated hash is upgraded on success.
 */
public final class PasswordConfirmation {
    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final Throttle throttle;

    PasswordConfirmation(AccountStore accounts, PasswordHasher hasher, Throttle throttle) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /** Passes silently when the password is the caller's; throws {@link PasswordConfirmationFailed} otherwise. */
    public void confirm(Caller caller, Password password) {
        Account account = accounts.byId(caller.account()).orElseThrow(PasswordConfirmationFailed::new);
        Throttle.Attempt attempt = throttle.begin(account.login(), Optional.of(account.id()), caller.address());
        if (!check(account, password)) {
            throw new PasswordConfirmationFailed();
        }
        throttle.succeeded(attempt);
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
