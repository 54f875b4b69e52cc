package dev.pat.domain.contract;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The life of every contract test: a fresh, empty set of stores before, closed after. */
public abstract class StoreContract {
    protected StoreFixture f;

    protected abstract StoreFixture open();

    @BeforeEach
    void openStores() {
        f = open();
    }

    @AfterEach
    void closeStores() {
        f.close();
    }
}
