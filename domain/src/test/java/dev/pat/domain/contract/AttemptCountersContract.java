package dev.pat.domain.contract;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.AttemptPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@code AttemptCounters} must do: count, make wait, forget, and count parallel attempts one by one. */
public abstract class AttemptCountersContract extends StoreContract {
    private static final AttemptPolicy.Rule THREE_FREE = new AttemptPolicy.Rule(3, Duration.ofMinutes(15),
            Duration.ofSeconds(10), Duration.ofMinutes(5));
    private final Instant t0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void some_attempts_are_free_then_each_waits_twice_as_long() {
        for (int i = 0; i < 3; i++) {
            assertThat(f.attempts().attempt("k", THREE_FREE, t0)).isEmpty();
        }
        assertThat(f.attempts().attempt("k", THREE_FREE, t0)).contains(t0.plusSeconds(10));
        assertThat(f.attempts().attempt("k", THREE_FREE, t0.plusSeconds(10))).isEmpty();
        assertThat(f.attempts().attempt("k", THREE_FREE, t0.plusSeconds(11))).contains(t0.plusSeconds(30));
        assertThat(f.attempts().attempt("other key", THREE_FREE, t0.plusSeconds(11))).isEmpty();
    }

    @Test
    void a_refused_attempt_does_not_renew_the_wait_and_a_window_later_all_is_forgotten() {
        for (int i = 0; i < 3; i++) {
            f.attempts().attempt("k", THREE_FREE, t0);
        }
        for (int s = 1; s < 10; s++) {
            assertThat(f.attempts().attempt("k", THREE_FREE, t0.plusSeconds(s))).contains(t0.plusSeconds(10));
        }
        assertThat(f.attempts().attempt("k", THREE_FREE, t0.plus(Duration.ofMinutes(16)))).isEmpty();
        assertThat(f.attempts().attempt("k", THREE_FREE, t0.plus(Duration.ofMinutes(16)))).isEmpty();
    }

    @Test
    void a_success_takes_its_attempt_back_or_forgets_the_key() {
        for (int i = 0; i < 3; i++) {
            f.attempts().attempt("refunded", THREE_FREE, t0);
            f.attempts().attempt("forgotten", THREE_FREE, t0);
        }
        f.attempts().succeeded("refunded", false);
        assertThat(f.attempts().attempt("refunded", THREE_FREE, t0.plusSeconds(10))).isEmpty();
        f.attempts().succeeded("forgotten", true);
        for (int i = 0; i < 3; i++) {
            assertThat(f.attempts().attempt("forgotten", THREE_FREE, t0.plusSeconds(1))).isEmpty();
        }
    }

    @Test
    void parallel_attempts_are_counted_one_by_one() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Optional<Instant>>> outcomes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            outcomes.add(pool.submit(() -> f.attempts().attempt("contested", THREE_FREE, t0)));
        }
        int passed = 0;
        for (Future<Optional<Instant>> outcome : outcomes) {
            passed += outcome.get().isEmpty() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(passed).isEqualTo(3);
    }

    @Test
    void an_address_is_known_after_a_successful_sign_in_from_it_for_a_while() {
        Account ann = f.anAccount("ann@example.com");
        ClientAddress home = ClientAddress.parse("192.0.2.1");
        assertThat(f.attempts().knows(ann.id(), home, t0.minus(Duration.ofDays(90)))).isFalse();
        f.attempts().remember(ann.id(), home, t0);
        f.attempts().remember(ann.id(), home, t0.plusSeconds(5));
        assertThat(f.attempts().knows(ann.id(), home, t0)).isTrue();
        assertThat(f.attempts().knows(ann.id(), home, t0.plusSeconds(6))).isFalse();
        assertThat(f.attempts().knows(ann.id(), ClientAddress.parse("192.0.2.2"), t0)).isFalse();
    }
}
