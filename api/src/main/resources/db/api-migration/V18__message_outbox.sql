-- Every message to a volunteer is a row here before it is sent (the outbox): a sender on any instance claims due rows
-- with FOR UPDATE SKIP LOCKED and a lease, delivers, and marks them; a dead instance's claimed rows are due again once
-- its lease has run out. message_key is unique, so a producer that enqueues the same message twice makes one row.
CREATE TABLE api_message (
    id                bigserial   PRIMARY KEY,
    message_key       text        NOT NULL UNIQUE,
    channel           text        NOT NULL,
    recipient         text        NOT NULL,
    job_id            text        NOT NULL,
    volunteer_id      text        NOT NULL,
    organizer_id      text,
    kind              text        NOT NULL,
    subject           text        NOT NULL,
    body_text         text        NOT NULL,
    body_html         text,
    time_zone         text        NOT NULL,
    status            text        NOT NULL,
    attempts          integer     NOT NULL DEFAULT 0,
    last_error        text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    next_attempt_at   timestamptz NOT NULL DEFAULT now(),
    lease_owner       text,
    lease_expires_at  timestamptz,
    sent_at           timestamptz,
    sent_by           text
);
-- The sender's query: due rows in order.
CREATE INDEX api_message_due ON api_message (next_attempt_at) WHERE status IN ('QUEUED', 'SENDING');
CREATE INDEX api_message_job ON api_message (job_id, organizer_id);

-- Where a volunteer can be reached, per region (or per job for a job stated inline).
CREATE TABLE api_volunteer_contact (
    scope         text NOT NULL,
    volunteer_id  text NOT NULL,
    email         text,
    phone         text,
    PRIMARY KEY (scope, volunteer_id)
);

-- Addresses (e-mail, or phone number) that asked for no more messages: an unsubscribe link, an SMS STOP.
CREATE TABLE api_opt_out (
    address  text        PRIMARY KEY,
    source   text        NOT NULL,
    at       timestamptz NOT NULL DEFAULT now()
);
