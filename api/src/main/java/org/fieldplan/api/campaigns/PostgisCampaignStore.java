package org.fieldplan.api.campaigns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.fieldplan.api.campaigns.Campaign.Publication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns in PostGIS ({@code V22_31__campaigns.sql}): {@code api_campaign} and one {@code api_campaign_region} row
 * per region naming its job in {@code api_job}. Publication claims are conditional updates counted on the database's
 * clock, as the job queue's leases are.
 */
public class PostgisCampaignStore implements CampaignStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public PostgisCampaignStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public void insert(Campaign campaign) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("""
                    INSERT INTO api_campaign (id, name, created_at, solve_seconds, publish, submitted_by)
                    VALUES (?, ?, ?, ?, ?, ?)""", campaign.id(), campaign.name(),
                    Timestamp.from(campaign.createdAt()), campaign.solveSeconds(), campaign.publish(),
                    campaign.submittedBy());
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < campaign.regions().size(); i++) {
                Campaign.Region region = campaign.regions().get(i);
                rows.add(new Object[] {campaign.id(), i, region.regionId(), region.jobId(),
                    region.publication().name()});
            }
            jdbc.batchUpdate("""
                    INSERT INTO api_campaign_region (campaign_id, position, region_id, job_id, publish_state)
                    VALUES (?, ?, ?, ?, ?)""", rows);
        });
    }

    @Override
    public Optional<Campaign> find(String id) {
        return read("WHERE c.id = ?", id).stream().findFirst();
    }

    @Override
    public List<Campaign> all() {
        return read("");
    }

    private List<Campaign> read(String where, Object... arguments) {
        Map<String, Campaign> campaigns = new LinkedHashMap<>();
        Map<String, List<Campaign.Region>> regions = new LinkedHashMap<>();
        jdbc.query("""
                SELECT c.*, r.region_id, r.job_id, r.publish_state, r.live_version, r.publish_error
                FROM api_campaign c JOIN api_campaign_region r ON r.campaign_id = c.id
                """ + where + " ORDER BY c.created_at DESC, c.id, r.position", (ResultSet row) -> {
                    String id = row.getString("id");
                    campaigns.computeIfAbsent(id, key -> campaign(row));
                    regions.computeIfAbsent(id, key -> new ArrayList<>()).add(region(row));
                }, arguments);
        return campaigns.values().stream().map(c -> new Campaign(c.id(), c.name(), c.createdAt(), c.solveSeconds(),
                c.publish(), c.submittedBy(), regions.get(c.id()))).toList();
    }

    private static Campaign campaign(ResultSet row) {
        try {
            return new Campaign(row.getString("id"), row.getString("name"),
                    row.getTimestamp("created_at").toInstant(), row.getLong("solve_seconds"),
                    row.getBoolean("publish"), row.getString("submitted_by"), List.of());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Campaign.Region region(ResultSet row) throws SQLException {
        int version = row.getInt("live_version");
        return new Campaign.Region(row.getString("region_id"), row.getString("job_id"),
                Publication.valueOf(row.getString("publish_state")), row.wasNull() ? null : version,
                row.getString("publish_error"));
    }

    @Override
    public List<PendingPublication> pendingPublications() {
        return jdbc.query("""
                SELECT r.campaign_id, r.region_id, r.job_id, c.submitted_by
                FROM api_campaign_region r JOIN api_campaign c ON c.id = r.campaign_id
                WHERE r.publish_state = 'PENDING'
                   OR (r.publish_state = 'PUBLISHING' AND r.publish_claimed_until < now())
                ORDER BY c.created_at, r.position""", (row, n) -> new PendingPublication(row.getString(1),
                row.getString(2), row.getString(3), row.getString(4)));
    }

    @Override
    public boolean claimPublication(String campaignId, String regionId, Duration lease) {
        return jdbc.update("""
                UPDATE api_campaign_region SET publish_state = 'PUBLISHING',
                    publish_claimed_until = now() + ? * interval '1 millisecond'
                WHERE campaign_id = ? AND region_id = ? AND (publish_state = 'PENDING'
                    OR (publish_state = 'PUBLISHING' AND publish_claimed_until < now()))""",
                lease.toMillis(), campaignId, regionId) == 1;
    }

    @Override
    public void renewPublication(String campaignId, String regionId, Duration lease) {
        jdbc.update("""
                UPDATE api_campaign_region SET publish_claimed_until = now() + ? * interval '1 millisecond'
                WHERE campaign_id = ? AND region_id = ? AND publish_state = 'PUBLISHING'""",
                lease.toMillis(), campaignId, regionId);
    }

    @Override
    public void publicationEnded(String campaignId, String regionId, Integer liveVersion, String error) {
        jdbc.update("""
                UPDATE api_campaign_region SET publish_state = ?, publish_claimed_until = NULL, live_version = ?,
                    publish_error = ?
                WHERE campaign_id = ? AND region_id = ?""",
                (error == null ? Publication.PUBLISHED : Publication.FAILED).name(), liveVersion, error, campaignId,
                regionId);
    }

    @Override
    public void publicationPostponed(String campaignId, String regionId) {
        jdbc.update("""
                UPDATE api_campaign_region SET publish_state = 'PENDING', publish_claimed_until = NULL
                WHERE campaign_id = ? AND region_id = ? AND publish_state = 'PUBLISHING'""", campaignId, regionId);
    }
}
