-- A token expires at the end of its last second: expires_at now holds that exclusive end (the next midnight for
-- a date), where it held the start of the last second. A token dated 31-12-2026 was stored as 23:59:59.000 and
-- so expired a second early; it is now stored as 2027-01-01 00:00:00.000 and works through 23:59:59.999.
UPDATE access_tokens SET expires_at = expires_at + 1000;
