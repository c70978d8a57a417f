-- Volunteers' sign-ups on a region's public page: kept until they join the live plan (and after, for the organizer's
-- list), so that a pending or confirmed sign-up survives a restart. One sign-up per contact and region: the unique
-- indexes make two instances merge a duplicate rather than store it twice.
CREATE TABLE api_sign_up (
    id                 text        PRIMARY KEY,
    region_id          text        NOT NULL,
    organizer_id       text,
    name               text        NOT NULL,
    email              text,
    phone              text,
    lon                double precision NOT NULL,
    lat                double precision NOT NULL,
    travel_mode        text        NOT NULL,
    max_travel_minutes integer     NOT NULL,
    skills             text[]      NOT NULL,
    languages          text[]      NOT NULL,
    slot_ids           text[]      NOT NULL,
    status             text        NOT NULL,
    code_hash          text        NOT NULL,
    wrong_codes        integer     NOT NULL,
    note               text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE UNIQUE INDEX api_sign_up_email ON api_sign_up (region_id, email) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX api_sign_up_phone ON api_sign_up (region_id, phone) WHERE phone IS NOT NULL;
CREATE INDEX api_sign_up_confirmed ON api_sign_up (updated_at) WHERE status = 'CONFIRMED';
CREATE INDEX api_sign_up_region ON api_sign_up (region_id, created_at);
