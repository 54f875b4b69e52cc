package dev.pat.domain.model.token;

import dev.pat.domain.model.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpiryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final ExpiryPolicy yearAtMost = new ExpiryPolicy(Optional.of(Duration.ofDays(366)));

    @Test
    void a_new_expiry_lies_ahead_and_within_the_longest_lifetime() {
        assertThat(yearAtMost.forNew(Expiry.parse("31-12-2026"), NOW)).isEqualTo(Expiry.parse("31-12-2026"));
        assertThatThrownBy(() -> yearAtMost.forNew(Expiry.parse("26-11-2026"), NOW))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("is in the past");
        assertThatThrownBy(() -> yearAtMost.forNew(Expiry.parse("31-12-2030"), NOW))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("beyond the longest lifetime allowed (366 days)");
        assertThat(ExpiryPolicy.UNLIMITED.forNew(Expiry.parse("31-12-2030"), NOW)).isNotNull();
    }

    @Test
    void a_token_given_no_date_lives_the_longest_lifetime_or_for_ever_where_there_is_none() {
        assertThat(yearAtMost.forNew(Optional.empty(), NOW)).contains(Expiry.parse("2027-11-28"));
        assertThat(ExpiryPolicy.UNLIMITED.forNew(Optional.empty(), NOW)).isEmpty();
        assertThat(yearAtMost.forNew(Optional.of(Expiry.parse("2027-11-28")), NOW)).as("the longest allowed")
                .contains(Expiry.parse("2027-11-28"));
    }

    @Test
    void regenerating_or_copying_an_expired_token_needs_a_new_date() {
        Optional<Expiry> passed = Optional.of(Expiry.parse("01-11-2026"));
        assertThatThrownBy(() -> yearAtMost.forRegeneration(passed, Optional.empty(), NOW))
                .hasMessageContaining("give a new expiry date to regenerate it");
        assertThatThrownBy(() -> yearAtMost.forCopy(passed, Optional.empty(), NOW))
                .hasMessageContaining("give the copy a new expiry date");
        Optional<Expiry> ahead = Optional.of(Expiry.parse("01-06-2027"));
        assertThat(yearAtMost.forRegeneration(passed, ahead, NOW)).isEqualTo(ahead);
        assertThat(yearAtMost.forRegeneration(ahead, Optional.empty(), NOW)).isEqualTo(ahead);
        assertThat(yearAtMost.forCopy(Optional.empty(), Optional.empty(), NOW)).as("never expires, never will")
                .isEmpty();
    }
}
