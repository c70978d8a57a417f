package org.fieldplan.data.travel.road;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.routing.util.TraversalMode;

import org.fieldplan.data.travel.road.RoadNetwork.RoadPoint;
import org.fieldplan.domain.FieldPlanProblem;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.travel.GreatCircleTravelTimeMatrix;
import org.fieldplan.travel.PrecinctTravel;
import org.fieldplan.travel.TravelParameters;

/**
 * Travel minutes over a {@link RoadNetwork} from each volunteer's home to each precinct's meeting point (its
 * interior point), for the pairs that can matter only: one shortest-path tree per volunteer, bounded by their own
 * travel limit, reads off every precinct it reaches. The legs between a point and its nearest road node are
 * straight lines × the road-detour factor at the mode's speed. A home or precinct with no road near it (outside the
 * extract) keeps the great-circle estimate, and is counted in the report.
 */
public final class RoadTravelTimes {

    private final RoadNetwork network;

    public RoadTravelTimes(RoadNetwork network) {
        this.network = network;
    }

    /** Every volunteer's reachable precincts within their own limit, by road where the network covers both ends. */
    public RoadTravelTable compute(FieldPlanProblem problem) {
        List<Precinct> precincts = problem.precincts();
        TravelParameters travel = problem.travel();
        Map<RoadProfile, PrecinctNodes> nodesByProfile = new EnumMap<>(RoadProfile.class);
        for (RoadProfile profile : RoadProfile.values()) {
            nodesByProfile.put(profile, new PrecinctNodes(profile, precincts));
        }
        GreatCircleTravelTimeMatrix estimate = new GreatCircleTravelTimeMatrix(precincts, travel);
        Map<String, List<PrecinctTravel>> pairs = new ConcurrentHashMap<>();
        Set<String> volunteersEstimated = ConcurrentHashMap.newKeySet();
        Set<String> precinctsEstimated = ConcurrentHashMap.newKeySet();
        AtomicLong pairsEstimated = new AtomicLong();
        // Each volunteer's tree is independent and reads the graph only: parallel, one tree per volunteer.
        problem.volunteers().parallelStream().forEach(volunteer -> {
            RoadProfile profile = RoadProfile.of(volunteer.getTravelMode());
            RoadPoint home = volunteer.getHome() == null ? null
                    : network.snap(profile, volunteer.getHome().getX(), volunteer.getHome().getY());
            if (home == null) {
                List<PrecinctTravel> estimated = estimate.within(volunteer, volunteer.getMaxTravelMinutes());
                if (volunteer.getHome() != null) {
                    volunteersEstimated.add(volunteer.getId());
                    pairsEstimated.addAndGet(estimated.size());
                }
                pairs.put(volunteer.getId(), estimated);
                return;
            }
            PrecinctNodes nodes = nodesByProfile.get(profile);
            List<PrecinctTravel> reachable = byRoad(volunteer, home, nodes, travel);
            for (int p = 0; p < precincts.size(); p++) {
                if (nodes.points[p] == null && precincts.get(p).getCentroid() != null) {
                    double minutes = estimate.minutes(volunteer, precincts.get(p));
                    precinctsEstimated.add(precincts.get(p).getId());
                    if (minutes <= volunteer.getMaxTravelMinutes()) {
                        reachable.add(new PrecinctTravel(precincts.get(p), minutes));
                        pairsEstimated.incrementAndGet();
                    }
                }
            }
            pairs.put(volunteer.getId(), reachable);
        });
        return new RoadTravelTable(pairs, new RoadTravelReport(network.sha256(), network.loadedFromCache(),
                problem.volunteers().size(), precincts.size(), new TreeSet<>(volunteersEstimated),
                new TreeSet<>(precinctsEstimated), pairs.values().stream().mapToLong(List::size).sum(),
                pairsEstimated.get()));
    }

    /** The precincts one bounded tree from the volunteer's home reaches within their limit. */
    private List<PrecinctTravel> byRoad(Volunteer volunteer, RoadPoint home, PrecinctNodes nodes,
            TravelParameters travel) {
        double limit = volunteer.getMaxTravelMinutes();
        TravelMode mode = volunteer.getTravelMode();
        double budget = limit - accessMinutes(home.accessMetres(), mode, travel);
        List<PrecinctTravel> reachable = new ArrayList<>();
        if (budget < 0) {
            return reachable;
        }
        double[] treeMinutes = new double[nodes.points.length];
        Arrays.fill(treeMinutes, Double.NaN);
        ShortestPathTree tree = new ShortestPathTree(network.graph(), network.weighting(nodes.profile), false,
                TraversalMode.NODE_BASED);
        boolean transit = mode == TravelMode.TRANSIT;
        if (transit) {
            tree.setDistanceLimit(travel.transitKmh() * budget / 60 * 1000);
        } else {
            tree.setTimeLimit(budget * 60_000);
        }
        tree.search(home.node(), label -> {
            int[] atNode = nodes.byNode.get(label.node);
            if (atNode != null) {
                double minutes = transit ? label.distance / 1000 / travel.transitKmh() * 60 : label.time / 60_000.0;
                for (int p : atNode) {
                    treeMinutes[p] = minutes;
                }
            }
        });
        for (int p = 0; p < treeMinutes.length; p++) {
            if (!Double.isNaN(treeMinutes[p])) {
                double minutes = accessMinutes(home.accessMetres(), mode, travel) + treeMinutes[p]
                        + accessMinutes(nodes.points[p].accessMetres(), mode, travel);
                if (minutes <= limit) {
                    reachable.add(new PrecinctTravel(nodes.precincts.get(p), minutes));
                }
            }
        }
        return reachable;
    }

    /** Minutes for a straight leg off the roads, as the great-circle estimate would count it. */
    private static double accessMinutes(double metres, TravelMode mode, TravelParameters travel) {
        return metres / 1000 * travel.roadDetourFactor() / travel.speedKmh(mode) * 60;
    }

    /** Each precinct's meeting point snapped onto one profile's roads, and the precincts at each road node. */
    private final class PrecinctNodes {
        final RoadProfile profile;
        final List<Precinct> precincts;
        /** Per precinct index: its road point, {@code null} when no road of the profile is near it. */
        final RoadPoint[] points;
        final Map<Integer, int[]> byNode = new HashMap<>();

        PrecinctNodes(RoadProfile profile, List<Precinct> precincts) {
            this.profile = profile;
            this.precincts = precincts;
            this.points = new RoadPoint[precincts.size()];
            for (int p = 0; p < precincts.size(); p++) {
                Precinct precinct = precincts.get(p);
                if (precinct.getCentroid() != null) {
                    points[p] = network.snap(profile, precinct.getCentroid().getX(), precinct.getCentroid().getY());
                }
                if (points[p] != null) {
                    int[] before = byNode.getOrDefault(points[p].node(), new int[0]);
                    int[] after = Arrays.copyOf(before, before.length + 1);
                    after[before.length] = p;
                    byNode.put(points[p].node(), after);
                }
            }
        }
    }
}
