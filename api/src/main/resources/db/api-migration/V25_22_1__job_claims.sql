-- Every claim of a job (first solve, takeover, repair) counts up; the owner's lease renewals, saves and status
-- changes name the claim they belong to, so an owner that lost the job while stalled (even to itself) writes nothing.
ALTER TABLE api_job ADD COLUMN claim bigint NOT NULL DEFAULT 0;
