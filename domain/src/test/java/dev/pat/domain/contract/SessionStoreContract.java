package dev.pat.domain.contract;

import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.Session;
import dev.pat.domain.model.account.SessionKey;
import dev.pat.domain.testing.SeededRandomness;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@code SessionStore} must do. */
public abstract class SessionStoreContract extends StoreContract {
    private final SeededRandomness randomness = new SeededRandomness(3);
    private final Instant t0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void a_session_is_found_by_digest_updated_and_removed() {
        Account ann = f.anAccount("ann@example.com");
        SessionKey key = SessionKey.generate(randomness);
        Session session = Session.open(key, ann.id(), true, t0);
        f.sessions().add(session);
        assertThat(f.sessions().byDigest(key.digest())).contains(session);

        Session seen = session.seenAt(t0.plusSeconds(600)).verified();
        f.sessions().update(seen);
        assertThat(f.sessions().byDigest(key.digest())).contains(seen);

        f.sessions().remove(key.digest());
        assertThat(f.sessions().byDigest(key.digest())).isEmpty();
    }

    @Test
    void removing_all_of_an_account_leaves_other_accounts_sessions() {
        Account ann = f.anAccount("ann@example.com");
        Account bob = f.anAccount("bob@example.com");
        SessionKey a1 = SessionKey.generate(randomness);
        SessionKey a2 = SessionKey.generate(randomness);
        SessionKey b1 = SessionKey.generate(randomness);
        f.sessions().add(Session.open(a1, ann.id(), false, t0));
        f.sessions().add(Session.open(a2, ann.id(), false, t0));
        f.sessions().add(Session.open(b1, bob.id(), false, t0));
        f.sessions().removeAllOf(ann.id());
        assertThat(f.sessions().byDigest(a1.digest())).isEmpty();
        assertThat(f.sessions().byDigest(a2.digest())).isEmpty();
        assertThat(f.sessions().byDigest(b1.digest())).isPresent();
    }
}
