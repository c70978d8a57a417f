-- A sign-up's deployment offer ("on this date I'll drive up to N minutes for at least M slots"); null: none.
ALTER TABLE api_sign_up ADD COLUMN deploy_date date,
    ADD COLUMN deploy_max_travel_minutes integer,
    ADD COLUMN deploy_min_slots integer;
