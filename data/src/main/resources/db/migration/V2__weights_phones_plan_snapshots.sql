-- Keeps what V1 lost: a region's solver weights, and the problem of a plan that was submitted inline (as problem
-- JSON) rather than built from a stored region, so that such a plan survives a restart.

-- FieldPlanWeights in the problem format's `weights` form; null means the defaults (regions saved before V2).
ALTER TABLE region ADD COLUMN weights jsonb;

-- A plan names a stored region and date range, or carries its problem as a snapshot (ProblemJson), or both.
ALTER TABLE plan
    ALTER COLUMN region_id DROP NOT NULL,
    ALTER COLUMN date_from DROP NOT NULL,
    ALTER COLUMN date_to DROP NOT NULL,
    ADD COLUMN problem_snapshot jsonb,
    ADD CONSTRAINT plan_has_a_problem CHECK (
        (region_id IS NOT NULL AND date_from IS NOT NULL AND date_to IS NOT NULL) OR problem_snapshot IS NOT NULL);

-- Assignments of a snapshot-only plan have no region: the region foreign keys (MATCH SIMPLE) then do not apply and
-- the store checks them against the snapshot instead.
ALTER TABLE assignment ALTER COLUMN region_id DROP NOT NULL;
