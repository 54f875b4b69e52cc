-- The last TOTP time step accepted for the account: a code is good once (RFC 6238, section 5.2).
ALTER TABLE accounts ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
