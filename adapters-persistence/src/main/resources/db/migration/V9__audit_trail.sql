-- The audit trail: appended to, never changed; pruned only when older than pat.audit.retention. One row per sign-in,
-- sign-out, two-factor and password change, token change, leak revocation, and per minute of a token's use (per
-- token, method, address and result, with the number of calls). Never a secret.
CREATE TABLE audit_events (
    id         ${identity},
    at         BIGINT       NOT NULL,
    account_id BIGINT,
    actor      VARCHAR(32)  NOT NULL,
    address    VARCHAR(45)  NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    token_id   BIGINT,
    method     VARCHAR(80),
    detail     VARCHAR(400) NOT NULL,
    result     VARCHAR(32)  NOT NULL,
    calls      BIGINT       NOT NULL
);
CREATE INDEX audit_events_by_account ON audit_events (account_id, at);
CREATE INDEX audit_events_by_token ON audit_events (token_id, at);
CREATE INDEX audit_events_by_time ON audit_events (at);

-- What each token was used for, kept up to date as its use is written: the methods it called (with counts) and the
-- addresses it was used from (with when last), so listings need not read the trail.
CREATE TABLE token_method_calls (
    token_id BIGINT      NOT NULL,
    method   VARCHAR(80) NOT NULL,
    calls    BIGINT      NOT NULL,
    last_at  BIGINT      NOT NULL,
    PRIMARY KEY (token_id, method)
);
CREATE TABLE token_addresses (
    token_id BIGINT      NOT NULL,
    address  VARCHAR(45) NOT NULL,
    last_at  BIGINT      NOT NULL,
    PRIMARY KEY (token_id, address)
);

-- A token whose value was reported leaked: it no longer works, and is listed so until regenerated.
ALTER TABLE access_tokens ADD COLUMN revoked_at BIGINT;
