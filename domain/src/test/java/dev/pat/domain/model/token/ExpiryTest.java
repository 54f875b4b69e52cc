package dev.pat.domain.model.token;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.token.Expiry;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpiryTest {

    @Test
    void the_dashboard_form_dd_mm_yyyy_means_the_end_of_that_day_utc() {
        assertThat(Expiry.parse("31-12-2026").at()).isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
    }

    @Test
    void a_bare_iso_date_means_the_end_of_that_day_utc() {
        assertThat(Expiry.parse("2026-12-31").at()).isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
    }

    @Test
    void the_public_api_form_is_an_exact_utc_time() {
        assertThat(Expiry.parse("2026-12-31 08:30:00").at()).isEqualTo(Instant.parse("2026-12-31T08:30:00Z"));
        assertThat(Expiry.parse("2026-12-31 08:30:00").format()).isEqualTo("2026-12-31 08:30:00");
    }

    @Test
    void impossible_or_garbled_dates_name_the_field() {
        for (String bad : new String[] {"31-02-2026", "2026-13-01", "tomorrow", "12/31/2026", "2026-12-31T08:00"}) {
            assertThatThrownBy(() -> Expiry.parse(bad)).isInstanceOf(InvalidInput.class)
                    .hasMessageStartingWith("expiresAt: ").hasMessageContaining("is not a date");
        }
        assertThatThrownBy(() -> Expiry.parse(" ")).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("expiresAt: required");
    }

    @Test
    void a_token_is_valid_through_its_last_second_and_expired_after() {
        Expiry expiry = Expiry.parse("2026-12-31");
        assertThat(expiry.hasPassed(Instant.parse("2026-12-31T23:59:59Z"))).isFalse();
        assertThat(expiry.hasPassed(Instant.parse("2027-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void a_date_in_the_past_is_refused() {
        assertThatThrownBy(() -> ExpiryPolicy.UNLIMITED.forNew(Expiry.parse("01-01-2020"), Instant.parse("2026-11-27T10:00:00Z")))
                .isInstanceOf(InvalidInput.class).hasMessage("expiresAt: 2020-01-01 23:59:59 is in the past");
    }
}
