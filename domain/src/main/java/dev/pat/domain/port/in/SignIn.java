package dev.pat.domain.port.in;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.account.SessionKey;

/** Opening and closing sessions: sign in with login and password, then a TOTP code when two-factor is on. */
public interface SignIn {

    /** A new session; pending until the two-factor code is verified when the account has two-factor on. */
    record SignedIn(SessionKey key, Account account, boolean pending) {
    }

    SignedIn signIn(Login login, Password password, ClientAddress address);

    void verifyTwoFactor(Credential session, String code, ClientAddress address);

    void signOut(Credential session, ClientAddress address);
}
