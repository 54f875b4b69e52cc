-- What an environment was created with, kept and answered as asked: its display name, SSL, high availability,
-- region, and its node groups (stored, not provisioned).
ALTER TABLE environments ADD COLUMN display_name VARCHAR(100);
ALTER TABLE environments ADD COLUMN ssl SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE environments ADD COLUMN ha SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE environments ADD COLUMN region VARCHAR(64);

CREATE TABLE environment_node_groups (
    env_name           VARCHAR(40)  NOT NULL REFERENCES environments (name) ON DELETE CASCADE,
    position           INTEGER      NOT NULL,
    node_group         VARCHAR(40)  NOT NULL,
    node_type          VARCHAR(40)  NOT NULL,
    node_count         INTEGER      NOT NULL,
    fixed_cloudlets    INTEGER      NOT NULL,
    flexible_cloudlets INTEGER      NOT NULL,
    display_name       VARCHAR(100),
    PRIMARY KEY (env_name, position)
);
