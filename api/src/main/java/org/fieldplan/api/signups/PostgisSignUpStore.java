package org.fieldplan.api.signups;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.fieldplan.domain.Carpool;
import org.fieldplan.domain.DeploymentOffer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Sign-ups in PostGIS, table {@code api_sign_up} (migrations {@code V23_18__signups.sql},
 * {@code V24_20_72__sign_up_deployment_offer.sql}, its carpool offer
 * {@code V24_30_1__sign_up_carpool_offer.sql}).
 */
public class PostgisSignUpStore implements SignUpStore {

    private static final String COLUMNS = "id, region_id, organizer_id, name, email, phone, lon, lat, travel_mode, "
            + "max_travel_minutes, skills, languages, slot_ids, status, code_hash, wrong_codes, note, created_at, "
            + "updated_at, deploy_date, deploy_max_travel_minutes, deploy_min_slots, seats, detour_minutes, can_ride";
    private static final RowMapper<SignUp> ROW = PostgisSignUpStore::read;

    /** The advisory locks' first key: joining a region's sign-ups (the second key is the region id's hash). */
    private static final int JOIN_LOCKS = 0x46505355;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public PostgisSignUpStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * A session-level advisory lock on a connection of its own, held while {@code join} runs (its reads and writes
     * go through other connections, outside any transaction of this one); if the instance dies the connection
     * closes and the lock goes with it.
     */
    @Override
    public boolean joinExclusively(String regionId, Runnable join) {
        try (Connection connection = dataSource.getConnection()) {
            if (!advisoryLock(connection, "SELECT pg_try_advisory_lock(?, hashtext(?))", regionId)) {
                return false;
            }
            try {
                join.run();
                return true;
            } finally {
                advisoryLock(connection, "SELECT pg_advisory_unlock(?, hashtext(?))", regionId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock the sign-ups of region " + regionId, e);
        }
    }

    private static boolean advisoryLock(Connection connection, String sql, String regionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, JOIN_LOCKS);
            statement.setString(2, regionId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    @Override
    public void save(SignUp s) {
        jdbc.update(con -> {
            var statement = con.prepareStatement("INSERT INTO api_sign_up (" + COLUMNS + ") VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET "
                    + "organizer_id = excluded.organizer_id, name = excluded.name, email = excluded.email, "
                    + "phone = excluded.phone, lon = excluded.lon, lat = excluded.lat, "
                    + "travel_mode = excluded.travel_mode, max_travel_minutes = excluded.max_travel_minutes, "
                    + "skills = excluded.skills, languages = excluded.languages, slot_ids = excluded.slot_ids, "
                    + "status = excluded.status, code_hash = excluded.code_hash, wrong_codes = excluded.wrong_codes, "
                    + "note = excluded.note, updated_at = excluded.updated_at, deploy_date = excluded.deploy_date, "
                    + "deploy_max_travel_minutes = excluded.deploy_max_travel_minutes, "
                    + "deploy_min_slots = excluded.deploy_min_slots, seats = excluded.seats, "
                    + "detour_minutes = excluded.detour_minutes, can_ride = excluded.can_ride");
            int i = 0;
            statement.setString(++i, s.id());
            statement.setString(++i, s.regionId());
            statement.setString(++i, s.organizerId());
            statement.setString(++i, s.name());
            statement.setString(++i, s.email());
            statement.setString(++i, s.phone());
            statement.setDouble(++i, s.lon());
            statement.setDouble(++i, s.lat());
            statement.setString(++i, s.travelMode());
            statement.setInt(++i, s.maxTravelMinutes());
            statement.setArray(++i, con.createArrayOf("text", s.skills().toArray()));
            statement.setArray(++i, con.createArrayOf("text", s.languages().toArray()));
            statement.setArray(++i, con.createArrayOf("text", s.slotIds().toArray()));
            statement.setString(++i, s.status().name());
            statement.setString(++i, s.codeHash());
            statement.setInt(++i, s.wrongCodes());
            statement.setString(++i, s.note());
            statement.setTimestamp(++i, Timestamp.from(s.createdAt()));
            statement.setTimestamp(++i, Timestamp.from(s.updatedAt()));
            DeploymentOffer offer = s.deployment();
            statement.setObject(++i, offer == null ? null : offer.date(), Types.DATE);
            statement.setObject(++i, offer == null ? null : offer.maxTravelMinutes(), Types.INTEGER);
            statement.setObject(++i, offer == null ? null : offer.minSlots(), Types.INTEGER);
            statement.setInt(++i, s.carpool().seats());
            statement.setInt(++i, s.carpool().detourMinutes());
            statement.setBoolean(++i, s.carpool().canRide());
            return statement;
        });
    }

    @Override
    public Optional<SignUp> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_sign_up WHERE id = ?", ROW, id).stream().findFirst();
    }

    @Override
    public Optional<SignUp> findByContact(String regionId, String email, String phone) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_sign_up WHERE region_id = ? AND (email = ? OR phone = ?) "
                + "ORDER BY created_at LIMIT 1", ROW, regionId, email, phone).stream().findFirst();
    }

    @Override
    public List<SignUp> ofRegion(String regionId, String organizerId) {
        return organizerId == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM api_sign_up WHERE region_id = ? ORDER BY created_at DESC",
                        ROW, regionId)
                : jdbc.query("SELECT " + COLUMNS + " FROM api_sign_up WHERE region_id = ? AND organizer_id = ? "
                        + "ORDER BY created_at DESC", ROW, regionId, organizerId);
    }

    @Override
    public List<SignUp> confirmed(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_sign_up WHERE status = 'CONFIRMED' ORDER BY updated_at "
                + "LIMIT ?", ROW, limit);
    }

    private static SignUp read(ResultSet row, int n) throws SQLException {
        return new SignUp(row.getString("id"), row.getString("region_id"), row.getString("organizer_id"),
                row.getString("name"), row.getString("email"), row.getString("phone"), row.getDouble("lon"),
                row.getDouble("lat"), row.getString("travel_mode"), row.getInt("max_travel_minutes"),
                texts(row.getArray("skills")), texts(row.getArray("languages")), texts(row.getArray("slot_ids")),
                SignUp.Status.valueOf(row.getString("status")), row.getString("code_hash"), row.getInt("wrong_codes"),
                row.getString("note"), row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(), deployment(row), new Carpool(row.getInt("seats"),
                        row.getInt("detour_minutes"), row.getBoolean("can_ride")));
    }

    private static DeploymentOffer deployment(ResultSet row) throws SQLException {
        LocalDate date = row.getObject("deploy_date", LocalDate.class);
        return date == null ? null : new DeploymentOffer(date, row.getInt("deploy_max_travel_minutes"),
                row.getInt("deploy_min_slots"));
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
