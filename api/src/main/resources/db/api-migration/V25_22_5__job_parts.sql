-- The parts of a large region's partitioned solve, one row per part of a round: any instance claims a queued part
-- (or one whose lease ran out) and writes its result; the job's owner stitches the results. A part belongs to one
-- claim of its job: once the job is claimed again, its parts are no longer claimed.
CREATE TABLE api_job_part (
    job_id           text        NOT NULL REFERENCES api_job (id) ON DELETE CASCADE,
    job_claim        bigint      NOT NULL,
    round            integer     NOT NULL,
    part_index       integer     NOT NULL,
    spec             text,                 -- the part by ids of the job's problem (PartSpec as JSON); NULL once the round is over
    limit_millis     bigint      NOT NULL,
    deadline_at      timestamptz NOT NULL, -- the owner waits for results until then (and a short grace)
    status           text        NOT NULL DEFAULT 'QUEUED', -- QUEUED, SOLVING, DONE, CANCELLED
    owner            text,
    attempt          integer     NOT NULL DEFAULT 0, -- counts the claims; a result names the claim it belongs to
    takeovers        integer     NOT NULL DEFAULT 0,
    lease_expires_at timestamptz,
    result           text,                 -- JSON array: the precinct id (or null) of each of the part's shifts
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, job_claim, round, part_index)
);
CREATE INDEX api_job_part_open ON api_job_part (created_at) WHERE status IN ('QUEUED', 'SOLVING');
