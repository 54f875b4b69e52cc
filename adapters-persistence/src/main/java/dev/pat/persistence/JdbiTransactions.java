package dev.pat.persistence;

import dev.pat.domain.port.out.Transactions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One database transaction per use case: the stores called inside it share its handle, so their reads and
 * writes commit or roll back together. Calls outside a transaction each use a short-lived handle.
 */
final class JdbiTransactions implements Transactions {
    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        List<Runnable> committed = new ArrayList<>();
        afterCommit.set(committed);
        T result;
        try {
            result = jdbi.inTransaction(handle -> {
                current.set(handle);
                try {
                    return work.get();
                } finally {
                    current.remove();
                }
            });
        } finally {
            afterCommit.remove();
        }
        committed.forEach(Runnable::run);
        return result;
    }

    /** Runs the action once the current transaction has committed, or at once outside a transaction. */
    void afterCommit(Runnable action) {
        List<Runnable> pending = afterCommit.get();
        if (pending != null) {
            pending.add(action);
        } else {
            action.run();
        }
    }

    <T> T withHandle(HandleCallback<T, RuntimeException> callback) {
        Handle handle = current.get();
        return handle != null ? callback.withHandle(handle) : jdbi.withHandle(callback);
    }

    boolean inTransaction() {
        return current.get() != null;
    }
}
