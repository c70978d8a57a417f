-- Issue 13, session 4: a counter per job of the people data on sheets (shift statuses, volunteers' links), moved on
-- by triggers in the same transaction as each write, so that a cached sheet is checked with one primary-key read.
CREATE TABLE api_people_version (
    job_id   text   PRIMARY KEY,
    version  bigint NOT NULL
);

CREATE FUNCTION api_people_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO api_people_version AS v (job_id, version)
    VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.job_id ELSE NEW.job_id END, 1)
    ON CONFLICT (job_id) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER api_shift_status_people_changed AFTER INSERT OR UPDATE OR DELETE ON api_shift_status
    FOR EACH ROW EXECUTE FUNCTION api_people_changed();
CREATE TRIGGER api_volunteer_link_people_changed AFTER INSERT OR UPDATE OR DELETE ON api_volunteer_link
    FOR EACH ROW EXECUTE FUNCTION api_people_changed();
