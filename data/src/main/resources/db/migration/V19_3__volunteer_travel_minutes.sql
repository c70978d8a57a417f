-- Travel minutes computed over a road network (an OSM extract, named by its SHA-256), stored with the region so
-- that every solve and repair of it reuses them: one row per volunteer, the precincts within their limit as two
-- parallel arrays (a county's volunteers reach hundreds of precincts each; a row per pair would be millions).
CREATE TABLE volunteer_travel_minutes (
    region_id    text   NOT NULL,
    volunteer_id text   NOT NULL,
    osm_sha256   text   NOT NULL,
    precinct_ids text[] NOT NULL,
    minutes      real[] NOT NULL,
    PRIMARY KEY (region_id, volunteer_id),
    -- A volunteer saved again (a new home) loses minutes that no longer hold.
    FOREIGN KEY (region_id, volunteer_id) REFERENCES volunteer (region_id, id) ON DELETE CASCADE,
    CHECK (cardinality(precinct_ids) = cardinality(minutes))
);
