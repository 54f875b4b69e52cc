package dev.pat.app.crypto;

import dev.pat.domain.model.RateLimited;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.account.PasswordHash;
import dev.pat.domain.port.out.PasswordHasher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedPasswordHasherTest {

    /** A hasher that holds every hash until released, counting how many run at once. */
    static final class Held implements PasswordHasher {
        final CountDownLatch release = new CountDownLatch(1);
        volatile int most;
        private int running;

        @Override
        public PasswordHash hash(Password password) {
            verify(null, password);
            return new PasswordHash("x");
        }

        @Override
        public boolean verify(PasswordHash hash, Password password) {
            synchronized (this) {
                most = Math.max(most, ++running);
            }
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                running--;
            }
            return true;
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return false;
        }
    }

    @Test
    void at_most_so_many_hashes_run_at_once_a_few_wait_and_the_rest_are_told_to_retry() throws Exception {
        Held held = new Held();
        BoundedPasswordHasher bounded = new BoundedPasswordHasher(held, 2, 3, Duration.ofSeconds(10));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            outcomes.add(pool.submit(() -> {
                try {
                    bounded.verify(new PasswordHash("x"), Password.given("secret"));
                    return "hashed";
                } catch (RateLimited e) {
                    return "retry";
                }
            }));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        // the seven beyond the line are told to retry at once; the others are running or waiting
        while (outcomes.stream().filter(Future::isDone).count() < 7 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(bounded.inFlight()).isEqualTo(2);
        assertThat(bounded.queued()).isEqualTo(3);
        held.release.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get(10, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(results).filteredOn("hashed"::equals).hasSize(5);
        assertThat(results).filteredOn("retry"::equals).hasSize(7);
        assertThat(held.most).isEqualTo(2);
    }
}
