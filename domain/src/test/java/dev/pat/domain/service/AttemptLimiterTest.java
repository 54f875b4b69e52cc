package dev.pat.domain.service;

import dev.pat.domain.model.TooManyAttempts;
import dev.pat.domain.model.account.AttemptPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttemptLimiterTest {
    private final AttemptLimiter limiter = new AttemptLimiter(new AttemptPolicy(3, Duration.ofMinutes(10)));
    private final Instant t0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void failures_below_the_limit_do_not_lock_and_success_clears_them() {
        limiter.failed("k", t0);
        limiter.failed("k", t0);
        assertThatCode(() -> limiter.check("k", t0)).doesNotThrowAnyException();
        limiter.succeeded("k");
        limiter.failed("k", t0);
        limiter.failed("k", t0);
        assertThatCode(() -> limiter.check("k", t0)).doesNotThrowAnyException();
    }

    @Test
    void the_limit_locks_until_the_window_has_passed_and_says_how_long() {
        for (int i = 0; i < 3; i++) {
            limiter.failed("k", t0);
        }
        assertThatThrownBy(() -> limiter.check("k", t0.plusSeconds(60))).isInstanceOf(TooManyAttempts.class)
                .hasMessage("too many failed attempts; retry after 540 seconds");
        assertThatCode(() -> limiter.check("other", t0)).doesNotThrowAnyException();
        assertThatCode(() -> limiter.check("k", t0.plus(Duration.ofMinutes(10)))).doesNotThrowAnyException();
    }
}
