-- FieldPlan schema: a region (campaign) owns its precincts, volunteers and time slots; plans assign volunteers to
-- precincts per slot; field reports record what was done. Ids are the problem's own string ids, unique per region.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE region (
    id          text PRIMARY KEY,
    name        text        NOT NULL,
    time_zone   text,
    vote_model  jsonb       NOT NULL, -- VoteModelParameters
    travel      jsonb       NOT NULL, -- TravelParameters
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE district (
    region_id              text NOT NULL REFERENCES region (id) ON DELETE CASCADE,
    id                     text NOT NULL,
    expected_support_share double precision NOT NULL,
    position               integer NOT NULL, -- order in the stated problem, kept on reload
    PRIMARY KEY (region_id, id)
);

CREATE TABLE precinct (
    region_id                text    NOT NULL REFERENCES region (id) ON DELETE CASCADE,
    id                       text    NOT NULL,
    name                     text    NOT NULL,
    -- Null when the source had no usable geometry; the problem builder reports and skips such precincts.
    geom                     geometry(MultiPolygon, 4326),
    -- The point travel is measured to (JTS interior point of geom, computed once on import so that PostGIS and
    -- the in-memory store measure to the same point).
    anchor                   geometry(Point, 4326),
    registered_voters        integer NOT NULL,
    expected_turnout         double precision NOT NULL,
    support_share            double precision NOT NULL,
    district_ids             text[]  NOT NULL DEFAULT '{}',
    stated_pivotality        double precision,
    stated_target_doors      integer,
    required_languages       text[]  NOT NULL DEFAULT '{}',
    required_skills          text[]  NOT NULL DEFAULT '{}',
    stated_capacity_per_slot integer,
    stated_doors_per_hour    double precision,
    doors_already_knocked    integer NOT NULL DEFAULT 0,
    -- The raw election attributes the solver attributes were derived from (e.g. REGVOT18, GOV18D), as imported.
    election_attributes      jsonb,
    position                 integer NOT NULL,
    PRIMARY KEY (region_id, id)
);
CREATE INDEX precinct_geom_idx ON precinct USING gist (geom);
CREATE INDEX precinct_anchor_geog_idx ON precinct USING gist ((anchor::geography));

-- Volunteer attributes the planner needs; nothing that identifies the person (see volunteer_pii).
CREATE TABLE volunteer (
    region_id              text    NOT NULL REFERENCES region (id) ON DELETE CASCADE,
    id                     text    NOT NULL,
    skills                 text[]  NOT NULL DEFAULT '{}',
    languages              text[]  NOT NULL DEFAULT '{}',
    travel_mode            text    NOT NULL,
    max_travel_minutes     integer NOT NULL,
    max_shifts             integer NOT NULL,
    max_shifts_per_day     integer NOT NULL,
    organizer_id           text,
    attendance_probability double precision NOT NULL,
    preferred_precinct_ids text[]  NOT NULL DEFAULT '{}',
    position               integer NOT NULL,
    PRIMARY KEY (region_id, id)
);
CREATE INDEX volunteer_organizer_idx ON volunteer (region_id, organizer_id);

-- Personal data in its own table so that access to it can be restricted separately.
CREATE TABLE volunteer_pii (
    region_id    text NOT NULL,
    volunteer_id text NOT NULL,
    name         text NOT NULL,
    phone        text,
    home         geometry(Point, 4326),
    PRIMARY KEY (region_id, volunteer_id),
    FOREIGN KEY (region_id, volunteer_id) REFERENCES volunteer (region_id, id) ON DELETE CASCADE
);
CREATE INDEX volunteer_pii_home_idx ON volunteer_pii USING gist (home);
CREATE INDEX volunteer_pii_home_geog_idx ON volunteer_pii USING gist ((home::geography));

CREATE TABLE volunteer_availability (
    region_id    text      NOT NULL,
    volunteer_id text      NOT NULL,
    starts_at    timestamp NOT NULL, -- campaign local time, like the solver's LocalDateTime
    ends_at      timestamp NOT NULL,
    position     integer   NOT NULL,
    FOREIGN KEY (region_id, volunteer_id) REFERENCES volunteer (region_id, id) ON DELETE CASCADE,
    CHECK (ends_at >= starts_at)
);
CREATE INDEX volunteer_availability_idx ON volunteer_availability (region_id, volunteer_id);

CREATE TABLE time_slot (
    region_id text      NOT NULL REFERENCES region (id) ON DELETE CASCADE,
    id        text      NOT NULL,
    starts_at timestamp NOT NULL,
    ends_at   timestamp NOT NULL,
    position  integer   NOT NULL,
    PRIMARY KEY (region_id, id),
    CHECK (ends_at > starts_at)
);

-- A plan refers to its problem by (region, date range, organizer): the problem is rebuilt from the region's data.
CREATE TABLE plan (
    id           bigserial PRIMARY KEY,
    region_id    text        NOT NULL REFERENCES region (id) ON DELETE CASCADE,
    date_from    date        NOT NULL,
    date_to      date        NOT NULL,
    organizer_id text,
    score        text,
    status       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    UNIQUE (id, region_id) -- target of assignment's (plan, region) key
);
CREATE INDEX plan_region_idx ON plan (region_id);

CREATE TABLE assignment (
    plan_id      bigint  NOT NULL,
    region_id    text    NOT NULL,
    volunteer_id text    NOT NULL,
    slot_id      text    NOT NULL,
    precinct_id  text    NOT NULL,
    pinned       boolean NOT NULL DEFAULT false,
    done         boolean NOT NULL DEFAULT false,
    position     integer NOT NULL, -- keeps the plan's order on reload
    PRIMARY KEY (plan_id, volunteer_id, slot_id),
    FOREIGN KEY (plan_id, region_id) REFERENCES plan (id, region_id) ON DELETE CASCADE,
    FOREIGN KEY (region_id, volunteer_id) REFERENCES volunteer (region_id, id),
    FOREIGN KEY (region_id, slot_id) REFERENCES time_slot (region_id, id),
    FOREIGN KEY (region_id, precinct_id) REFERENCES precinct (region_id, id)
);

CREATE TABLE field_report (
    id            bigserial PRIMARY KEY,
    plan_id       bigint      NOT NULL,
    volunteer_id  text        NOT NULL,
    slot_id       text        NOT NULL,
    doors_knocked integer     NOT NULL CHECK (doors_knocked >= 0),
    contacts      integer     NOT NULL CHECK (contacts >= 0),
    reported_at   timestamptz NOT NULL,
    FOREIGN KEY (plan_id, volunteer_id, slot_id) REFERENCES assignment (plan_id, volunteer_id, slot_id) ON DELETE CASCADE
);
CREATE INDEX field_report_assignment_idx ON field_report (plan_id, volunteer_id, slot_id);
