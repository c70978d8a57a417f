-- A sign-up's carpool offer: free seats as a driver, the detour limit for a pick-up, whether they accept a ride
-- (0, 0, false: none).
ALTER TABLE api_sign_up ADD COLUMN seats integer NOT NULL DEFAULT 0,
    ADD COLUMN detour_minutes integer NOT NULL DEFAULT 0,
    ADD COLUMN can_ride boolean NOT NULL DEFAULT false;
