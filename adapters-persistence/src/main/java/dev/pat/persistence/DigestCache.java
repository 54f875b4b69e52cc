package dev.pat.persistence;

import dev.pat.domain.model.Digest;

import java.util.List;

/** An in-memory cache keyed by digest that the change feed keeps in step with the database. */
interface DigestCache {
    /** Forgets what is held under this digest: it changed in the database. */
    void invalidate(Digest digest);

    /** Forgets everything: changes may have been missed. */
    void invalidateAll();

    /** One cache that forwards each invalidation to all of these. */
    static DigestCache all(List<DigestCache> caches) {
        return new DigestCache() {
            @Override
            public void invalidate(Digest digest) {
                caches.forEach(cache -> cache.invalidate(digest));
            }

            @Override
            public void invalidateAll() {
                caches.forEach(DigestCache::invalidateAll);
            }
        };
    }
}
