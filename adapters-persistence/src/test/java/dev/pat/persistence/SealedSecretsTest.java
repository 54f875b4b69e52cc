package dev.pat.persistence;

import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.PasswordHash;
import dev.pat.domain.model.account.TotpSecret;
import dev.pat.domain.testing.PinnedClock;
import dev.pat.persistence.testing.DatabaseFixture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two-factor secrets are stored sealed (AES-256-GCM), and a node with another key is refused at once. */
class SealedSecretsTest {
    private static final TotpSecret SECRET = new TotpSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    private final PinnedClock clock = new PinnedClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final String url = DatabaseFixture.freshSqliteUrl();

    private static String stored(Database db, AccountId id) {
        return Jdbi.create(db.dataSource()).withHandle(h -> h.createQuery("SELECT totp_secret FROM accounts"
                        + " WHERE id = :id")
                .bind("id", id.value()).mapTo(String.class).one());
    }

    @Test
    void a_two_factor_secret_is_stored_sealed_and_read_back_in_clear() {
        try (Database db = DatabaseFixture.open(url, clock)) {
            Account ann = db.accounts().add(Account.open(new Login("ann@example.com"), new DisplayName("Ann"),
                    new PasswordHash("v1:x"), clock.now()));
            db.accounts().changeTwoFactor(ann.id(), Optional.of(SECRET), 1);
            assertThat(stored(db, ann.id())).startsWith("v1:").doesNotContain(SECRET.base32());
            assertThat(db.accounts().byId(ann.id()).orElseThrow().twoFactor()).contains(SECRET);
        }
    }

    @Test
    void secrets_stored_in_clear_before_are_sealed_when_a_node_opens_the_database() {
        AccountId ann;
        try (Database db = DatabaseFixture.open(url, clock)) {
            ann = db.accounts().add(Account.open(new Login("ann@example.com"), new DisplayName("Ann"),
                    new PasswordHash("v1:x"), clock.now())).id();
            Jdbi.create(db.dataSource()).useHandle(h -> h.createUpdate("UPDATE accounts SET totp_secret = :s")
                    .bind("s", SECRET.base32()).execute());
        }
        try (Database db = DatabaseFixture.open(url, clock)) {
            assertThat(stored(db, ann)).startsWith("v1:").doesNotContain(SECRET.base32());
            assertThat(db.accounts().byId(ann).orElseThrow().twoFactor()).contains(SECRET);
        }
    }

    @Test
    void a_node_with_another_key_is_refused_at_start() {
        DatabaseFixture.open(url, clock).close();
        byte[] other = "another key, also of 32 bytes!!!".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Database.open(url, Optional.empty(), Optional.empty(), clock,
                new Database.Settings(Duration.ofSeconds(5), 1_000, Duration.ofMinutes(5), other)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PAT_SECRET_KEY")
                .hasMessageNotContaining(new String(other, StandardCharsets.US_ASCII));
    }
}
