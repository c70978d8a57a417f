-- Failed credentials per client address in fixed windows, shared by every instance on this database, so the
-- throttle of wrong keys and links holds for the whole service (not per instance).
CREATE TABLE api_failed_credential (
    client        text        PRIMARY KEY,
    window_start  timestamptz NOT NULL,
    failures      integer     NOT NULL
);
CREATE INDEX api_failed_credential_window ON api_failed_credential (window_start);
