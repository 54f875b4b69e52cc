package dev.pat.domain.model.token;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.token.Expiry;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpiryTest {

    @Test
    void the_dashboard_form_dd_mm_yyyy_means_through_the_whole_of_that_day_utc() {
        assertThat(Expiry.parse("31-12-2026").end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(Expiry.parse("31-12-2026").lastSecond()).isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
        assertThat(Expiry.parse("31-12-2026").format()).isEqualTo("2026-12-31 23:59:59");
    }

    @Test
    void a_bare_iso_date_means_the_end_of_that_day_utc() {
        assertThat(Expiry.parse("2026-12-31")).isEqualTo(Expiry.parse("31-12-2026"));
        assertThat(Expiry.parse("2026-12-31 23:59:59")).isEqualTo(Expiry.parse("31-12-2026"));
    }

    @Test
    void the_public_api_form_is_an_exact_utc_time() {
        assertThat(Expiry.parse("2026-12-31 08:30:00").end()).isEqualTo(Instant.parse("2026-12-31T08:30:01Z"));
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
    void a_token_is_valid_through_the_whole_of_its_last_day_and_expired_at_midnight() {
        Expiry expiry = Expiry.parse("2026-12-31");
        assertThat(expiry.hasPassed(Instant.parse("2026-12-31T23:59:59Z"))).isFalse();
        assertThat(expiry.hasPassed(Instant.parse("2026-12-31T23:59:59.999Z"))).isFalse();
        assertThat(expiry.hasPassed(Instant.parse("2027-01-01T00:00:00Z"))).isTrue();
        Expiry second = Expiry.parse("2026-12-31 12:00:00");
        assertThat(second.hasPassed(Instant.parse("2026-12-31T12:00:00.999Z"))).isFalse();
        assertThat(second.hasPassed(Instant.parse("2026-12-31T12:00:01Z"))).isTrue();
    }

    @Test
    void years_beyond_9999_or_before_1970_are_refused_as_invalid() {
        for (String bad : new String[] {"+999999999-12-31", "+1000000-01-01", "31-12-10000", "10000-01-01",
                "1969-12-31", "9999999999999999999-01-01"}) {
            assertThatThrownBy(() -> Expiry.parse(bad)).as(bad).isInstanceOf(InvalidInput.class)
                    .hasMessageStartingWith("expiresAt: ");
        }
        assertThat(Expiry.parse("31-12-9999").format()).isEqualTo("9999-12-31 23:59:59");
    }

    @Test
    void a_date_in_the_past_is_refused() {
        assertThatThrownBy(() -> ExpiryPolicy.UNLIMITED.forNew(Expiry.parse("01-01-2020"), Instant.parse("2026-11-27T10:00:00Z")))
                .isInstanceOf(InvalidInput.class).hasMessage("expiresAt: 2020-01-01 23:59:59 is in the past");
    }
}
