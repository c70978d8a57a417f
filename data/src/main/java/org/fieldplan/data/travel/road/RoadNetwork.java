package org.fieldplan.data.travel.road;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.GHUtility;
import com.graphhopper.util.PMap;

/**
 * A routing graph built from an OpenStreetMap extract ({@code .osm.pbf} or {@code .osm} XML) with one profile per
 * way of getting around (car, bike, foot), from GraphHopper's bundled custom models. The graph is built once and
 * kept in a cache folder named by the SHA-256 of the extract, so the same file is never imported twice, whatever
 * its name or path; a changed file gets a graph of its own.
 */
public final class RoadNetwork implements AutoCloseable {

    /** The cache folder's setting; without it graphs go under {@code java.io.tmpdir}. */
    public static final String CACHE_VARIABLE = "FIELDPLAN_GRAPH_CACHE";
    /** The encoded values the three bundled custom models read. */
    /**
     * Farther than this from any road a point counts as outside the extract: it would otherwise snap onto the
     * extract's edge and walk a long straight line from there.
     */
    static final double MAX_ACCESS_METRES = 1_000;
    /** GraphHopper's own default. */
    private static final int DEFAULT_MIN_NETWORK_SIZE = 200;
    private static final String ENCODED_VALUES = "car_access, car_average_speed, bike_access, bike_priority, "
            + "bike_average_speed, roundabout, foot_access, foot_priority, foot_average_speed, hike_rating, mtb_rating";

    /** GraphHopper's profiles, one per {@link RoadProfile}. */
    private final Map<RoadProfile, Weighting> weightings;
    private final Map<RoadProfile, EdgeFilter> snapFilters;
    private final GraphHopper hopper;
    private final String sha256;
    private final boolean loadedFromCache;

    private RoadNetwork(GraphHopper hopper, String sha256, boolean loadedFromCache) {
        this.hopper = hopper;
        this.sha256 = sha256;
        this.loadedFromCache = loadedFromCache;
        this.weightings = new EnumMap<>(RoadProfile.class);
        this.snapFilters = new EnumMap<>(RoadProfile.class);
        for (RoadProfile profile : RoadProfile.values()) {
            Weighting weighting = hopper.createWeighting(hopper.getProfile(profile.profileName()), new PMap());
            weightings.put(profile, weighting);
            snapFilters.put(profile, new DefaultSnapFilter(weighting,
                    hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(profile.profileName()))));
        }
    }

    /**
     * Opens the routing graph of {@code extract}: loaded from {@code cacheRoot}/SHA-256 when built before, else
     * built there from the file.
     */
    public static RoadNetwork open(Path extract, Path cacheRoot) {
        return open(extract, cacheRoot, DEFAULT_MIN_NETWORK_SIZE);
    }

    /**
     * As {@link #open(Path, Path)}, dropping road islands of fewer than {@code minNetworkSize} junctions (a car park,
     * a private estate) so no point snaps onto a road that leads nowhere; small test towns lower it.
     */
    static RoadNetwork open(Path extract, Path cacheRoot, int minNetworkSize) {
        if (!Files.isRegularFile(extract)) {
            throw new RoadNetworkException("OSM extract " + extract + " is not a readable file");
        }
        String sha256 = sha256(extract);
        Path graphFolder = cacheRoot.resolve(
                minNetworkSize == DEFAULT_MIN_NETWORK_SIZE ? sha256 : sha256 + "-min" + minNetworkSize);
        boolean cached = Files.isRegularFile(graphFolder.resolve("properties"));
        GraphHopper hopper = new GraphHopper();
        hopper.setOSMFile(extract.toString());
        hopper.setGraphHopperLocation(graphFolder.toString());
        hopper.setEncodedValuesString(ENCODED_VALUES);
        hopper.setMinNetworkSize(minNetworkSize);
        hopper.setProfiles(List.of(RoadProfile.values()).stream()
                .map(p -> new Profile(p.profileName()).setCustomModel(
                        GHUtility.loadCustomModelFromJar(p.profileName() + ".json")))
                .toList());
        try {
            hopper.importOrLoad();
        } catch (RuntimeException e) {
            hopper.close();
            throw new RoadNetworkException("OSM extract " + extract + " could not be read as a road network: "
                    + e.getMessage(), e);
        }
        return new RoadNetwork(hopper, sha256, cached);
    }

    /** The cache folder: {@value #CACHE_VARIABLE} when set, else {@code fieldplan-graphs} under the temp folder. */
    public static Path cacheRoot(Map<String, String> environment) {
        String configured = environment.get(CACHE_VARIABLE);
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "fieldplan-graphs");
    }

    /**
     * The node nearest to a point on the roads the profile may use, with the straight-line distance to it, or
     * {@code null} when no such road is within {@link #MAX_ACCESS_METRES} (a point outside the extract).
     */
    public RoadPoint snap(RoadProfile profile, double longitude, double latitude) {
        Snap snap = hopper.getLocationIndex().findClosest(latitude, longitude, snapFilters.get(profile));
        if (!snap.isValid()) {
            return null;
        }
        int node = snap.getClosestNode();
        double metres = DistanceCalcEarth.DIST_EARTH.calcDist(latitude, longitude,
                graph().getNodeAccess().getLat(node), graph().getNodeAccess().getLon(node));
        return metres <= MAX_ACCESS_METRES ? new RoadPoint(node, metres) : null;
    }

    BaseGraph graph() {
        return hopper.getBaseGraph();
    }

    Weighting weighting(RoadProfile profile) {
        return weightings.get(profile);
    }

    /** SHA-256 of the extract, hex: the key of its cached graph. */
    public String sha256() {
        return sha256;
    }

    /** Whether the graph came from the cache rather than being built by this {@link #open}. */
    public boolean loadedFromCache() {
        return loadedFromCache;
    }

    @Override
    public void close() {
        hopper.close();
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OSM extract " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A point's nearest road node and the straight-line metres to it. */
    public record RoadPoint(int node, double accessMetres) {
    }
}
