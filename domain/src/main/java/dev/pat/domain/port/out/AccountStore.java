package dev.pat.domain.port.out;

import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.PasswordHash;
import dev.pat.domain.model.account.TotpSecret;

import java.util.List;
import java.util.Optional;

/** Where accounts are kept. */
public interface AccountStore {
    /** Stores a new account and answers it with its assigned id. */
    Account add(Account account);

    Optional<Account> byId(AccountId id);

    Optional<Account> byLogin(Login login);

    /** Replaces the account's password hash; nothing else of the account. */
    void changePasswordHash(AccountId id, PasswordHash hash);

    /**
     * Turns two-factor on with this secret, or off; the last accepted code's time step only ever moves forward,
     * so a code already used stays used.
     */
    void changeTwoFactor(AccountId id, Optional<TotpSecret> secret, long provenAtStep);

    /**
     * Records that a two-factor code of this time step was accepted, atomically and only if the step is later
     * than the last one recorded: false means another sign-in used this code (or a later one) first.
     */
    boolean recordTotpStep(AccountId id, long step);

    List<Account> all();
}
