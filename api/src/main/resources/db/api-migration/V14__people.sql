-- Issue 14, people: accounts, the audit log, volunteers' personal links and what volunteers said about their shifts.
-- (Numbered after the issue so that other branches' V3, V4 … cannot collide with it.)

-- Accounts: only a SHA-256 hash of each key is kept (keys are 256-bit random, shown once at creation).
CREATE TABLE api_account (
    id              text PRIMARY KEY,
    name            text        NOT NULL,
    role            text        NOT NULL,
    organizer_id    text,
    key_hash        text        NOT NULL UNIQUE,
    enabled         boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    key_rotated_at  timestamptz
);

-- Every change made over the API, with who made it.
CREATE TABLE api_audit (
    id      bigserial   PRIMARY KEY,
    at      timestamptz NOT NULL,
    actor   text        NOT NULL,
    role    text        NOT NULL,
    action  text        NOT NULL,
    target  text        NOT NULL,
    status  integer     NOT NULL
);

-- Volunteers' personal links: the token is signed; this row makes it revocable.
CREATE TABLE api_volunteer_link (
    id            text PRIMARY KEY,
    job_id        text        NOT NULL,
    volunteer_id  text        NOT NULL,
    organizer_id  text,
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL
);
CREATE INDEX api_volunteer_link_job_volunteer ON api_volunteer_link (job_id, volunteer_id);

-- A volunteer's word and what happened, per shift: CONFIRMED, DECLINED, WORKED, NO_SHOW (the latest wins).
CREATE TABLE api_shift_status (
    job_id        text        NOT NULL,
    volunteer_id  text        NOT NULL,
    slot_id       text        NOT NULL,
    status        text        NOT NULL,
    at            timestamptz NOT NULL,
    PRIMARY KEY (job_id, volunteer_id, slot_id)
);
CREATE INDEX api_shift_status_volunteer ON api_shift_status (volunteer_id);
