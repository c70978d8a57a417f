-- Fencing of plan saves by the job queue's claims: a job's owner saves its plan under the number of its claim, and a
-- save under a lower number than the highest seen (an owner that lost the job while stalled) is refused.
ALTER TABLE plan ADD COLUMN write_fence bigint NOT NULL DEFAULT 0;
