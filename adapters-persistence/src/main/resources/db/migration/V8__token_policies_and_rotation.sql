-- Token policies (all empty for tokens generated before: the seed's behaviour) and rotation with an overlap.
-- env_names and allowed_ips are comma-separated (names, patterns and CIDR ranges hold no commas).
ALTER TABLE access_tokens ADD COLUMN env_names TEXT;
ALTER TABLE access_tokens ADD COLUMN allowed_ips TEXT;
ALTER TABLE access_tokens ADD COLUMN rate_limit INTEGER;
ALTER TABLE access_tokens ADD COLUMN idle_days INTEGER;
-- when the token was generated, or last edited or regenerated: where its idle days count from
ALTER TABLE access_tokens ADD COLUMN active_since BIGINT;
UPDATE access_tokens SET active_since = created_on;
-- the value held before the last regeneration, still working until previous_until (its digest only)
ALTER TABLE access_tokens ADD COLUMN previous_digest CHAR(64);
ALTER TABLE access_tokens ADD COLUMN previous_hint VARCHAR(16);
ALTER TABLE access_tokens ADD COLUMN previous_until BIGINT;
ALTER TABLE access_tokens ADD COLUMN previous_last_used BIGINT;
CREATE UNIQUE INDEX access_tokens_by_previous_digest ON access_tokens (previous_digest);
