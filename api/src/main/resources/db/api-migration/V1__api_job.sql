-- The API's jobs: the stated problem as submitted, where it came from, and the best plan found so far, so a restart
-- loses neither. Kept apart from the data layer's schema (own Flyway history table, api_flyway_history).
CREATE TABLE api_job (
    id              text PRIMARY KEY,
    status          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    started_at      timestamptz,
    finished_at     timestamptz,
    solve_seconds   integer     NOT NULL,
    problem         jsonb       NOT NULL, -- the problem JSON of docs/problem-format.md, as solved
    region_id       text,                 -- the stored-data query the problem was built from, if any
    date_from       date,
    date_to         date,
    organizer_id    text,
    assignments     jsonb,                -- best plan so far: [{volunteerId, slotId, precinctId, pinned}]
    best_summary    jsonb,
    greedy_summary  jsonb,
    error           text,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
