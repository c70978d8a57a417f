-- A region's staging locations: where its teams meet and get their turf (opening hours per date as JSON,
-- [{"date": "2026-10-31", "open": "09:00", "close": "18:00"}]; none stated: always open). Kept in the order added.
CREATE TABLE staging_location (
    region_id       text    NOT NULL REFERENCES region (id) ON DELETE CASCADE,
    id              text    NOT NULL,
    position        bigserial,
    name            text,
    address         text,
    hours           jsonb   NOT NULL DEFAULT '[]',
    teams_per_slot  integer NOT NULL CHECK (teams_per_slot >= 0),
    geom            geometry(Point, 4326) NOT NULL,
    PRIMARY KEY (region_id, id)
);

-- A volunteer's deployment offers ([{"date": "2026-10-31", "maxTravelMinutes": 90, "minSlots": 2}]); null: none.
ALTER TABLE volunteer ADD COLUMN deployment_offers jsonb;
