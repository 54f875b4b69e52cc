-- Guesses at passwords and codes, counted per key (an address, a login, a login from an address) and shared by every
-- node. Keys are stored as SHA-256 digests: no login or address in clear.
CREATE TABLE attempt_counts (
    key_digest   CHAR(64) PRIMARY KEY,
    attempts     INTEGER  NOT NULL,
    window_start BIGINT   NOT NULL,
    wait_until   BIGINT   NOT NULL
);
CREATE INDEX attempt_counts_by_wait ON attempt_counts (wait_until);

-- The addresses each account signed in from: guesses from elsewhere do not slow the owner down there.
CREATE TABLE known_addresses (
    account_id   BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    address      VARCHAR(45) NOT NULL,
    last_success BIGINT      NOT NULL,
    PRIMARY KEY (account_id, address)
);

-- Calls per key (an address's unauthenticated calls, a token's calls) and minute, added up by every node.
CREATE TABLE call_counts (
    key_digest CHAR(64) NOT NULL,
    minute     BIGINT   NOT NULL,
    calls      BIGINT   NOT NULL,
    PRIMARY KEY (key_digest, minute)
);
