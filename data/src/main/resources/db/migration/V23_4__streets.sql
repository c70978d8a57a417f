-- A region's roads from its OpenStreetMap extract (drawn on the map, major classes at low zoom) and each precinct's
-- meeting point on one of them, named by its street where OSM names it.
CREATE TABLE street (
    region_id      text    NOT NULL REFERENCES region (id) ON DELETE CASCADE,
    id             integer NOT NULL,
    name           text,
    road_class     text    NOT NULL,
    public_access  boolean NOT NULL,
    major          boolean NOT NULL,
    geom           geometry(LineString, 4326) NOT NULL,
    PRIMARY KEY (region_id, id)
);
CREATE INDEX street_geom_idx ON street USING gist (geom);

CREATE TABLE meeting_point (
    region_id    text             NOT NULL REFERENCES region (id) ON DELETE CASCADE,
    precinct_id  text             NOT NULL,
    street       text,
    metres       double precision NOT NULL,
    geom         geometry(Point, 4326) NOT NULL,
    PRIMARY KEY (region_id, precinct_id)
);
