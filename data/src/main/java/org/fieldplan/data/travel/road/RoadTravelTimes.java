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
import org.fieldplan.domain.TravelParameters;

/**
 * Travel minutes over a {@link RoadNetwork} from each volunteer's home to each precinct's meeting point (the point
 * the straight-line estimate uses, {@link Precinct#getCentroid()}), for the pairs that can matter only: one
 * shortest-path tree per home road node and mode, bounded by the travel limits of the volunteers starting there,
 * reads off every precinct it reaches. The legs between a point and its nearest road node are straight lines × the
 * road-detour factor at the mode's speed. A home or precinct with no road near it (outside the
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
        Set<String> volunteersEstimated = new TreeSet<>();
        Set<String> precinctsEstimated = ConcurrentHashMap.newKeySet();
        AtomicLong pairsEstimated = new AtomicLong();
        Map<Origin, List<Start>> byOrigin = new HashMap<>();
        for (Volunteer volunteer : problem.volunteers()) {
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
            } else {
                byOrigin.computeIfAbsent(new Origin(volunteer.getTravelMode(), home.node()), o -> new ArrayList<>())
                        .add(new Start(volunteer, home));
            }
        }
        // One tree per road node and mode, as far as the farthest-reaching volunteer starting there needs: homes
        // near each other (census-placed volunteers share block-group centres) share a tree. Trees are
        // independent and read the graph only: parallel.
        byOrigin.entrySet().parallelStream().forEach(group -> {
            Origin origin = group.getKey();
            PrecinctNodes nodes = nodesByProfile.get(RoadProfile.of(origin.mode()));
            double bound = group.getValue().stream().mapToDouble(start -> budget(start, travel)).max().orElse(-1);
            double[] treeMinutes = tree(origin, bound, nodes, travel);
            for (Start start : group.getValue()) {
                Volunteer volunteer = start.volunteer();
                List<PrecinctTravel> reachable = byRoad(start, treeMinutes, nodes, travel);
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
            }
        });
        return new RoadTravelTable(pairs, new RoadTravelReport(network.sha256(), network.loadedFromCache(),
                problem.volunteers().size(), precincts.size(), new TreeSet<>(volunteersEstimated),
                new TreeSet<>(precinctsEstimated), pairs.values().stream().mapToLong(List::size).sum(),
                pairsEstimated.get()));
    }

    /** Minutes a volunteer has left for the roads once at their nearest road node; negative when none. */
    private static double budget(Start start, TravelParameters travel) {
        return start.volunteer().getMaxTravelMinutes()
                - accessMinutes(start.home().accessMetres(), start.volunteer().getTravelMode(), travel);
    }

    /**
     * Road minutes from the origin's node to each precinct's road node within {@code bound} minutes (NaN beyond).
     * Transit runs on the car's roads by distance, at transit's speed.
     */
    private double[] tree(Origin origin, double bound, PrecinctNodes nodes, TravelParameters travel) {
        double[] treeMinutes = new double[nodes.points.length];
        Arrays.fill(treeMinutes, Double.NaN);
        if (bound < 0) {
            return treeMinutes;
        }
        ShortestPathTree tree = new ShortestPathTree(network.graph(), network.weighting(nodes.profile), false,
                TraversalMode.NODE_BASED);
        boolean transit = origin.mode() == TravelMode.TRANSIT;
        if (transit) {
            tree.setDistanceLimit(travel.transitKmh() * bound / 60 * 1000);
        } else {
            tree.setTimeLimit(bound * 60_000);
        }
        tree.search(origin.node(), label -> {
            int[] atNode = nodes.byNode[label.node];
            if (atNode != null) {
                double minutes = transit ? label.distance / 1000 / travel.transitKmh() * 60 : label.time / 60_000.0;
                for (int p : atNode) {
                    treeMinutes[p] = minutes;
                }
            }
        });
        return treeMinutes;
    }

    /** The precincts the tree reaches within the volunteer's own limit, access legs included. */
    private static List<PrecinctTravel> byRoad(Start start, double[] treeMinutes, PrecinctNodes nodes,
            TravelParameters travel) {
        Volunteer volunteer = start.volunteer();
        TravelMode mode = volunteer.getTravelMode();
        double homeAccess = accessMinutes(start.home().accessMetres(), mode, travel);
        List<PrecinctTravel> reachable = new ArrayList<>();
        for (int p = 0; p < treeMinutes.length; p++) {
            if (!Double.isNaN(treeMinutes[p])) {
                double minutes = homeAccess + treeMinutes[p] + accessMinutes(nodes.points[p].accessMetres(), mode,
                        travel);
                if (minutes <= volunteer.getMaxTravelMinutes()) {
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

    /** Where trees start: a road node, and the mode (its profile, speed and whether it runs by distance). */
    private record Origin(TravelMode mode, int node) {
    }

    /** A volunteer and their home's nearest road node. */
    private record Start(Volunteer volunteer, RoadPoint home) {
    }

    /** Each precinct's meeting point snapped onto one profile's roads, and the precincts at each road node. */
    private final class PrecinctNodes {
        final RoadProfile profile;
        final List<Precinct> precincts;
        /** Per precinct index: its road point, {@code null} when no road of the profile is near it. */
        final RoadPoint[] points;
        /** Per road node: the precincts snapped onto it, or null; an array, as the trees look it up per node. */
        final int[][] byNode;

        PrecinctNodes(RoadProfile profile, List<Precinct> precincts) {
            this.profile = profile;
            this.precincts = precincts;
            this.points = new RoadPoint[precincts.size()];
            this.byNode = new int[network.graph().getNodes()][];
            for (int p = 0; p < precincts.size(); p++) {
                Precinct precinct = precincts.get(p);
                if (precinct.getCentroid() != null) {
                    points[p] = network.snap(profile, precinct.getCentroid().getX(), precinct.getCentroid().getY());
                }
                if (points[p] != null) {
                    int[] before = byNode[points[p].node()] == null ? new int[0] : byNode[points[p].node()];
                    int[] after = Arrays.copyOf(before, before.length + 1);
                    after[before.length] = p;
                    byNode[points[p].node()] = after;
                }
            }
        }
    }
}
