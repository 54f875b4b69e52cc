package dev.pat.domain.port.out;

import java.util.function.Supplier;

/** Runs one use case's reads and writes as a whole: all applied, or none. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
