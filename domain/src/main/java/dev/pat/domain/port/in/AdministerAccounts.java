package dev.pat.domain.port.in;

import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.account.TotpSecret;
import dev.pat.domain.model.audit.AuditEvent;
import dev.pat.domain.model.audit.AuditQuery;
import dev.pat.domain.model.token.TokenId;

import java.util.List;
import java.util.Optional;

/** Local administration, for whoever runs the platform where its database is. */
public interface AdministerAccounts {

    /** A new authenticator secret and the URI an app scans; not in force until confirmed with a code. */
    record TwoFactorEnrolment(TotpSecret secret, String uri) {
    }

    /** A token of some account, with whose it is: the operator's listing. */
    record OwnedToken(long accountId, String login, TokenView token) {
    }

    Account createAccount(Login login, DisplayName name, Password password);

    Optional<Account> account(Login login);

    List<Account> accounts();

    /** Sets a new password and ends the account's sessions. */
    void changePassword(Login login, Password newPassword);

    TwoFactorEnrolment beginTwoFactor(Login login);

    /** Turns two-factor on once the code shows the authenticator holds the secret. */
    void enableTwoFactor(Login login, TotpSecret secret, String code);

    void disableTwoFactor(Login login);

    List<OwnedToken> allTokens();

    /** Removes any account's token, without a password: the operator's revocation. */
    void removeToken(TokenId id);

    /** The audit trail of one account, or of every account: the operator's view. */
    List<AuditEvent> audit(Optional<Login> login, AuditQuery query);

    /** Revokes every live value among those given (read from a leak report); answers how many were live. */
    int revokeLeaked(List<String> values);
}
