package dev.pat.app.crypto;

import dev.pat.domain.model.RateLimited;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.account.PasswordHash;
import dev.pat.domain.port.out.PasswordHasher;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A cap on password hashing: every Argon2id hash holds its memory (19 MiB by default) while it runs, so at most a
 * few run at once; a few more wait in line, briefly; beyond the line, or after the wait, the caller is told to
 * retry (result 707) rather than the server running out of memory.
 */
public final class BoundedPasswordHasher implements PasswordHasher {
    private final PasswordHasher hasher;
    private final Semaphore running;
    private final int maxQueued;
    private final Duration maxWait;
    private final AtomicInteger queued = new AtomicInteger();
    private final int maxConcurrent;

    public BoundedPasswordHasher(PasswordHasher hasher, int maxConcurrent, int maxQueued, Duration maxWait) {
        if (maxConcurrent < 1 || maxQueued < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("at least one hash at once; a line and a wait of zero or more");
        }
        this.hasher = hasher;
        this.maxConcurrent = maxConcurrent;
        this.running = new Semaphore(maxConcurrent, true);
        this.maxQueued = maxQueued;
        this.maxWait = maxWait;
    }

    @Override
    public PasswordHash hash(Password password) {
        return bounded(() -> hasher.hash(password));
    }

    @Override
    public boolean verify(PasswordHash hash, Password password) {
        return bounded(() -> hasher.verify(hash, password));
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return hasher.needsRehash(hash);
    }

    /** Hashes running now. */
    public int inFlight() {
        return maxConcurrent - running.availablePermits();
    }

    /** Hashes waiting in line now. */
    public int queued() {
        return queued.get();
    }

    private <T> T bounded(Supplier<T> hashing) {
        if (!running.tryAcquire()) {
            if (queued.incrementAndGet() > maxQueued) {
                queued.decrementAndGet();
                throw busy();
            }
            try {
                if (!running.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw busy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw busy();
            } finally {
                queued.decrementAndGet();
            }
        }
        try {
            return hashing.get();
        } finally {
            running.release();
        }
    }

    private static RateLimited busy() {
        return new RateLimited("too many password checks at once", Duration.ofSeconds(1));
    }
}
