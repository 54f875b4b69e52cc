package dev.pat.domain.port.out;

import dev.pat.domain.model.Account;
import dev.pat.domain.model.AccountId;
import dev.pat.domain.model.Login;

import java.util.List;
import java.util.Optional;

/** Where accounts are kept. */
public interface AccountStore {
    /** Stores a new account and answers it with its assigned id. */
    Account add(Account account);

    Optional<Account> byId(AccountId id);

    Optional<Account> byLogin(Login login);

    void update(Account account);

    List<Account> all();
}
