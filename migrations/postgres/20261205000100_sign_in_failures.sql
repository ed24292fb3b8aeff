-- Failed sign-ins per key ("account:…", "address:…"), shared by every Concord process on this
-- database so that the throttle is one throttle behind a load balancer. `at` is in
-- microseconds (an attempt's own instant identifies it when a success takes it back).
-- SQLite needs no table: one process keeps its failures in memory.
CREATE TABLE sign_in_failures (
    key  TEXT   COLLATE "C" NOT NULL,
    at   BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_key ON sign_in_failures (key, at);
