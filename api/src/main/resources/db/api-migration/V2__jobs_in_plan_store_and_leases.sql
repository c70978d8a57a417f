-- Scale-out and one persistence path. A job's best plan now lives in the data layer's plan store (plan_id: the
-- problem as a snapshot, the assignments, the field reports); api_job keeps only the job's life: status, the
-- instance that owns it and until when (its lease), timings, where the problem came from.

ALTER TABLE api_job
    ADD COLUMN plan_id             bigint REFERENCES plan (id),
    ADD COLUMN plan_version        bigint  NOT NULL DEFAULT 0, -- +1 on every save of the best plan; readers cache by it
    ADD COLUMN problem_name        text,
    ADD COLUMN owner               text,                       -- instance solving (or last solving) the job
    ADD COLUMN lease_expires_at    timestamptz,                -- the owner renews it while solving
    ADD COLUMN takeovers           integer NOT NULL DEFAULT 0, -- times the job was resumed by another instance
    ADD COLUMN terminate_requested boolean NOT NULL DEFAULT false;

-- Jobs kept by V1 move their problem and best plan into the plan store.
DO $$
DECLARE
    job record;
    new_plan bigint;
BEGIN
    FOR job IN SELECT * FROM api_job ORDER BY created_at LOOP
        INSERT INTO plan (region_id, date_from, date_to, organizer_id, score, status, created_at, updated_at,
                          problem_snapshot)
        VALUES (job.region_id, job.date_from, job.date_to, job.organizer_id, job.best_summary ->> 'score',
                CASE WHEN job.status IN ('QUEUED', 'SOLVING') THEN 'DRAFT' ELSE 'SOLVED' END, job.created_at,
                job.updated_at, job.problem)
        RETURNING id INTO new_plan;
        INSERT INTO assignment (plan_id, region_id, volunteer_id, slot_id, precinct_id, pinned, position)
        SELECT new_plan, job.region_id, a ->> 'volunteerId', a ->> 'slotId', a ->> 'precinctId',
               coalesce((a ->> 'pinned')::boolean, false), (n - 1)::integer
        FROM jsonb_array_elements(coalesce(job.assignments, '[]'::jsonb)) WITH ORDINALITY AS t(a, n);
        UPDATE api_job SET plan_id = new_plan, plan_version = 1, problem_name = coalesce(job.problem ->> 'name', '')
        WHERE id = job.id;
    END LOOP;
END $$;

ALTER TABLE api_job
    DROP COLUMN problem,
    DROP COLUMN assignments,
    ALTER COLUMN problem_name SET NOT NULL;

-- The shared queue: claimable jobs in submission order.
CREATE INDEX api_job_active_idx ON api_job (created_at) WHERE status IN ('QUEUED', 'SOLVING');
