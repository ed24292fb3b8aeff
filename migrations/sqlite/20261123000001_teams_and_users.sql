-- Teams and the people who sign in to Concord. Instants are INTEGER Unix seconds (UTC)
-- throughout the schema.

CREATE TABLE teams (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('marketer', 'rep', 'manager', 'admin')),
    team_id       INTEGER NOT NULL REFERENCES teams (id),
    password_hash TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE INDEX users_team ON users (team_id);
