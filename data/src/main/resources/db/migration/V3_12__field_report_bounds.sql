-- Field reports (issue 12): one report per volunteer-slot (a later one replaces it) with a stated bound, so that no
-- sum of reports can overflow and a region always builds into a valid problem. FieldReport.MAX_DOORS_PER_REPORT is
-- the same bound in Java. Reports stored before were additive: their sum, capped, is kept in the newest row.
WITH totals AS (
    SELECT plan_id, volunteer_id, slot_id, max(id) AS newest,
           least(sum(doors_knocked::bigint), 1000) AS doors, sum(contacts::bigint) AS contacts
    FROM field_report GROUP BY plan_id, volunteer_id, slot_id)
UPDATE field_report f SET doors_knocked = t.doors, contacts = least(t.contacts, t.doors)
FROM totals t WHERE f.id = t.newest;

DELETE FROM field_report f USING field_report newer
WHERE f.plan_id = newer.plan_id AND f.volunteer_id = newer.volunteer_id AND f.slot_id = newer.slot_id
  AND f.id < newer.id;

ALTER TABLE field_report
    ADD CONSTRAINT field_report_one_per_shift UNIQUE (plan_id, volunteer_id, slot_id),
    ADD CONSTRAINT field_report_doors_bounded CHECK (doors_knocked <= 1000),
    ADD CONSTRAINT field_report_contacts_bounded CHECK (contacts <= doors_knocked);
DROP INDEX field_report_assignment_idx;
