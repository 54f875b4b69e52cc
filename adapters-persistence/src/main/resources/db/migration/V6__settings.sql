-- What a database remembers of itself: among others, a check value of the key its secrets are sealed with, so a node
-- started with another key stops at once instead of failing every two-factor sign-in.
CREATE TABLE settings (
    name  VARCHAR(64)  PRIMARY KEY,
    value VARCHAR(256) NOT NULL
);
