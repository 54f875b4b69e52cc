package dev.pat.rest.breach;

import dev.pat.persistence.Database;

/** A deliberate breach, used only to show that the rules catch it: one adapter using another. */
public class RestReachingIntoPersistence {
    public boolean trusted(Database database) {
        return database.tokenCacheTrusted();
    }
}
