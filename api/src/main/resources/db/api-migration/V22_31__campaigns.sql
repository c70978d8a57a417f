-- Campaigns: one submission for many regions, each region solved by an ordinary job of the shared queue (api_job).
-- A region's live plan is published from its job once solved, by whichever instance claims the row first
-- (publish_state PENDING → PUBLISHING with a claim that runs out if that instance stops).
CREATE TABLE api_campaign (
    id            text        PRIMARY KEY,
    name          text        NOT NULL,
    created_at    timestamptz NOT NULL,
    solve_seconds bigint      NOT NULL,
    publish       boolean     NOT NULL,
    submitted_by  text        NOT NULL
);
CREATE TABLE api_campaign_region (
    campaign_id          text        NOT NULL REFERENCES api_campaign (id),
    position             integer     NOT NULL,
    region_id            text        NOT NULL,
    job_id               text        NOT NULL REFERENCES api_job (id),
    publish_state        text        NOT NULL,
    publish_claimed_until timestamptz,
    live_version         integer,
    publish_error        text,
    PRIMARY KEY (campaign_id, position),
    UNIQUE (campaign_id, region_id)
);
CREATE INDEX api_campaign_created ON api_campaign (created_at);
CREATE INDEX api_campaign_region_to_publish ON api_campaign_region (campaign_id)
    WHERE publish_state IN ('PENDING', 'PUBLISHING');
