-- Carpools: the driver a volunteer rides with in this slot (a volunteer id of the same plan), or NULL when they
-- travel on their own; in a job's plan and in each version of a region's live plan.
ALTER TABLE assignment ADD COLUMN ride_with TEXT;
ALTER TABLE live_plan_assignment ADD COLUMN ride_with TEXT;
