-- Carpools: free seats a volunteer who drives offers, how many minutes they will detour to pick a rider up, and
-- whether a volunteer accepts a ride. Defaults: no seats, no detour, no ride (everyone travels on their own).
ALTER TABLE volunteer
    ADD COLUMN seats INTEGER NOT NULL DEFAULT 0 CHECK (seats >= 0),
    ADD COLUMN detour_minutes INTEGER NOT NULL DEFAULT 0 CHECK (detour_minutes >= 0),
    ADD COLUMN can_ride BOOLEAN NOT NULL DEFAULT FALSE;
