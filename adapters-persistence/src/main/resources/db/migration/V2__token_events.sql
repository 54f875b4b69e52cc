-- Every change to a token appends the digests it affects, in the same transaction, so every node (and every
-- process on one SQLite file) can drop those digests from its in-memory cache. Old rows are pruned.
CREATE TABLE token_events (
    seq    ${identity},
    digest CHAR(64) NOT NULL,
    at     BIGINT   NOT NULL
);
CREATE INDEX token_events_by_time ON token_events (at);
