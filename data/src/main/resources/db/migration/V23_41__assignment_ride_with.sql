-- Carpools: the driver a volunteer rides with in this slot (a volunteer id of the same plan), or NULL when they
-- travel on their own.
ALTER TABLE assignment ADD COLUMN ride_with TEXT;
