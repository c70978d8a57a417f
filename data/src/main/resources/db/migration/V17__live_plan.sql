-- The live plan: each region's numbered versions (the newest is live), their assignments, and the
-- organizers' locks and notes on shifts. No foreign key to region: a plan of an inline problem is published under
-- the region id it is given. (Numbered after the issue so that other branches' migrations cannot collide with it.)
CREATE TABLE live_plan_version (
    region_id     text        NOT NULL,
    number        integer     NOT NULL,
    job_id        text        NOT NULL,
    kind          text        NOT NULL,
    actor         text        NOT NULL,
    organizer_id  text,
    reason        text,
    at            timestamptz NOT NULL,
    PRIMARY KEY (region_id, number)
);
CREATE INDEX live_plan_version_job_idx ON live_plan_version (job_id);

CREATE TABLE live_plan_assignment (
    region_id     text    NOT NULL,
    number        integer NOT NULL,
    volunteer_id  text    NOT NULL,
    slot_id       text    NOT NULL,
    precinct_id   text    NOT NULL,
    pinned        boolean NOT NULL,
    PRIMARY KEY (region_id, number, volunteer_id, slot_id),
    FOREIGN KEY (region_id, number) REFERENCES live_plan_version ON DELETE CASCADE
);

-- text null = a lock; else a note
CREATE TABLE live_shift_fact (
    region_id     text        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('lock', 'note')),
    volunteer_id  text        NOT NULL,
    slot_id       text        NOT NULL,
    text          text,
    actor         text        NOT NULL,
    organizer_id  text,
    at            timestamptz NOT NULL,
    PRIMARY KEY (region_id, kind, volunteer_id, slot_id)
);
