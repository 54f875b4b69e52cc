-- One schema for SQLite and PostgreSQL: ${identity} is the only dialect difference.
-- Times are epoch milliseconds (UTC). Secrets are never stored: only SHA-256 digests (hex) and hashes.

CREATE TABLE accounts (
    id            ${identity},
    login         VARCHAR(254) NOT NULL UNIQUE,
    name          VARCHAR(100) NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    totp_secret   VARCHAR(128),
    created_on    BIGINT       NOT NULL
);

CREATE TABLE sessions (
    digest       CHAR(64) PRIMARY KEY,
    account_id   BIGINT   NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at   BIGINT   NOT NULL,
    last_seen_at BIGINT   NOT NULL,
    pending      SMALLINT NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);

CREATE TABLE access_tokens (
    id          ${identity},
    account_id  BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    description VARCHAR(255) NOT NULL,
    api_set     VARCHAR(64),
    api_list    TEXT         NOT NULL,
    expires_at  BIGINT       NOT NULL,
    created_on  BIGINT       NOT NULL,
    last_used   BIGINT,
    digest      CHAR(64)     NOT NULL UNIQUE,
    hint        VARCHAR(16)  NOT NULL
);
CREATE INDEX access_tokens_by_account ON access_tokens (account_id);

-- Digests of removed and replaced values, so a caller presenting one learns why it stopped working.
CREATE TABLE retired_digests (
    digest     CHAR(64)    PRIMARY KEY,
    reason     VARCHAR(16) NOT NULL,
    retired_at BIGINT      NOT NULL
);

CREATE TABLE environments (
    name       VARCHAR(40) PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status     SMALLINT    NOT NULL,
    app_id     CHAR(32)    NOT NULL,
    created_on BIGINT      NOT NULL,
    changed_on BIGINT      NOT NULL
);
CREATE INDEX environments_by_account ON environments (account_id);
