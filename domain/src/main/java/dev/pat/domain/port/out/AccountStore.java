package dev.pat.domain.port.out;

import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Login;

import java.util.List;
import java.util.Optional;

/** Where accounts are kept. */
public interface AccountStore {
    /** Stores a new account and answers it with its assigned id. */
    Account add(Account account);

    Optional<Account> byId(AccountId id);

    Optional<Account> byLogin(Login login);

    void update(Account account);

    /**
     * Records that a two-factor code of this time step was accepted, atomically and only if the step is later
     * than the last one recorded: false means another sign-in used this code (or a later one) first.
     */
    boolean recordTotpStep(AccountId id, long step);

    List<Account> all();
}
