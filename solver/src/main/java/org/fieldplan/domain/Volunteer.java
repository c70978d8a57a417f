package org.fieldplan.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import org.locationtech.jts.geom.Point;
import org.optaplanner.core.api.domain.lookup.PlanningId;

/**
 * A person who signed up to canvass. Their reachable, servable precincts ({@link #getCandidatePrecincts()}) are
 * computed once before solving and restrict the planning variable of each of their {@link Shift}s.
 */
public final class Volunteer {

    @PlanningId
    private final String id;
    private final String name;
    private final Point home;
    private final Set<Skill> skills;
    private final Set<String> languages;
    private final TravelMode travelMode;
    private final int maxTravelMinutes;
    private final List<AvailabilityWindow> availability;
    private final int maxShifts;
    private final int maxShiftsPerDay;
    private final String organizerId;
    private final double attendanceProbability;
    private final Set<String> preferredPrecinctIds;
    private final List<DeploymentOffer> deploymentOffers;
    private final Carpool carpool;

    // Derived by ProblemPreparer.
    private RideOptions rideOptions = RideOptions.NONE;
    private List<Precinct> candidatePrecincts = List.of();
    /** Candidates on a date the volunteer offered a deployment: within the offer's longer limit. */
    private Map<LocalDate, List<Precinct>> deploymentCandidates = Map.of();
    private int[] candidateIndexes = new int[0];
    private int[] candidateMinutes = new int[0];
    /** Minutes to a precinct outside the candidates (the travel model's), or null when none can be timed. */
    private ToDoubleFunction<Precinct> otherPrecinctMinutes;
    private boolean offersUsefulTime;

    public Volunteer(String id, String name, Point home, Set<Skill> skills, Set<String> languages,
            TravelMode travelMode, int maxTravelMinutes, List<AvailabilityWindow> availability, int maxShifts,
            int maxShiftsPerDay, String organizerId, double attendanceProbability, Set<String> preferredPrecinctIds) {
        this(id, name, home, skills, languages, travelMode, maxTravelMinutes, availability, maxShifts, maxShiftsPerDay,
                organizerId, attendanceProbability, preferredPrecinctIds, List.of());
    }

    public Volunteer(String id, String name, Point home, Set<Skill> skills, Set<String> languages,
            TravelMode travelMode, int maxTravelMinutes, List<AvailabilityWindow> availability, int maxShifts,
            int maxShiftsPerDay, String organizerId, double attendanceProbability, Set<String> preferredPrecinctIds,
            List<DeploymentOffer> deploymentOffers) {
        this(id, name, home, skills, languages, travelMode, maxTravelMinutes, availability, maxShifts, maxShiftsPerDay,
                organizerId, attendanceProbability, preferredPrecinctIds, deploymentOffers, Carpool.NONE);
    }

    /** A volunteer with carpool terms: seats they offer as a driver, their detour limit, whether they accept rides. */
    public Volunteer(String id, String name, Point home, Set<Skill> skills, Set<String> languages,
            TravelMode travelMode, int maxTravelMinutes, List<AvailabilityWindow> availability, int maxShifts,
            int maxShiftsPerDay, String organizerId, double attendanceProbability, Set<String> preferredPrecinctIds,
            List<DeploymentOffer> deploymentOffers, Carpool carpool) {
        this.carpool = carpool == null ? Carpool.NONE : carpool;
        this.id = Objects.requireNonNull(id, "id");
        this.name = name == null ? id : name;
        this.home = home;
        this.skills = skills == null ? Set.of() : Set.copyOf(skills);
        this.languages = languages == null ? Set.of() : Set.copyOf(languages);
        this.travelMode = travelMode == null ? TravelMode.CAR : travelMode;
        this.maxTravelMinutes = maxTravelMinutes;
        this.availability = availability == null ? List.of() : List.copyOf(availability);
        this.maxShifts = maxShifts;
        this.maxShiftsPerDay = maxShiftsPerDay;
        this.organizerId = organizerId;
        this.attendanceProbability = attendanceProbability;
        this.preferredPrecinctIds = preferredPrecinctIds == null ? Set.of() : Set.copyOf(preferredPrecinctIds);
        this.deploymentOffers = deploymentOffers == null ? List.of() : List.copyOf(deploymentOffers);
    }

    /**
     * The same volunteer with another availability (e.g. a late extra window), keeping the candidate precincts and
     * travel times derived for them; whether they offer useful time is re-derived for {@code slots}.
     */
    public Volunteer withAvailability(List<AvailabilityWindow> newAvailability, List<TimeSlot> slots) {
        Volunteer copy = new Volunteer(id, name, home, skills, languages, travelMode, maxTravelMinutes,
                newAvailability, maxShifts, maxShiftsPerDay, organizerId, attendanceProbability,
                preferredPrecinctIds, deploymentOffers, carpool);
        copy.candidatePrecincts = candidatePrecincts;
        copy.deploymentCandidates = deploymentCandidates;
        copy.candidateIndexes = candidateIndexes;
        copy.candidateMinutes = candidateMinutes;
        copy.otherPrecinctMinutes = otherPrecinctMinutes;
        copy.rideOptions = rideOptions;
        copy.offersUsefulTime = !candidatePrecincts.isEmpty() && slots.stream().anyMatch(copy::isAvailableFor);
        return copy;
    }

    /**
     * The same volunteer, prepared, whose candidates are only those of {@code precincts} (travel times kept): the
     * volunteer as a part of a partitioned solve sees them ({@code org.fieldplan.solver.partition}). Whether they offer
     * useful time is carried over, so the idle-volunteer rule counts them as in the whole plan.
     */
    public Volunteer restrictedTo(Set<Precinct> precincts) {
        Volunteer copy = new Volunteer(id, name, home, skills, languages, travelMode, maxTravelMinutes, availability,
                maxShifts, maxShiftsPerDay, organizerId, attendanceProbability, preferredPrecinctIds, deploymentOffers,
                carpool);
        copy.candidatePrecincts = candidatePrecincts.stream().filter(precincts::contains).toList();
        Map<LocalDate, List<Precinct>> deployment = new HashMap<>();
        deploymentCandidates.forEach((date, reach) -> deployment.put(date, reach.stream().filter(precincts::contains)
                .toList()));
        copy.deploymentCandidates = Map.copyOf(deployment);
        Set<Integer> keptIndexes = new HashSet<>();
        precincts.forEach(precinct -> keptIndexes.add(precinct.getIndex()));
        // The table is sorted by precinct index; keeping a subsequence keeps it sorted.
        copy.candidateIndexes = new int[keptIndexes.size()];
        copy.candidateMinutes = new int[keptIndexes.size()];
        int kept = 0;
        for (int i = 0; i < candidateIndexes.length; i++) {
            if (keptIndexes.contains(candidateIndexes[i])) {
                copy.candidateIndexes[kept] = candidateIndexes[i];
                copy.candidateMinutes[kept++] = candidateMinutes[i];
            }
        }
        copy.otherPrecinctMinutes = otherPrecinctMinutes;
        copy.offersUsefulTime = offersUsefulTime;
        return copy;
    }

    /**
     * The same volunteer, as stated, with another attendance probability (e.g. learned from their history); for a
     * problem before preparation, so derived candidates are not carried over.
     */
    public Volunteer withAttendanceProbability(double probability) {
        return new Volunteer(id, name, home, skills, languages, travelMode, maxTravelMinutes, availability, maxShifts,
                maxShiftsPerDay, organizerId, probability, preferredPrecinctIds, deploymentOffers, carpool);
    }

    /**
     * The same volunteer, as stated, no longer available for {@code slots} (they cancelled them): each window covering
     * one is cut around it. For a problem before preparation, so derived candidates are not carried over.
     */
    public Volunteer withoutSlots(Collection<TimeSlot> slots) {
        List<AvailabilityWindow> left = availability;
        for (TimeSlot slot : slots) {
            left = left.stream().flatMap(window -> window.without(slot).stream()).toList();
        }
        return new Volunteer(id, name, home, skills, languages, travelMode, maxTravelMinutes, left, maxShifts,
                maxShiftsPerDay, organizerId, attendanceProbability, preferredPrecinctIds, deploymentOffers, carpool);
    }

    public boolean isAvailableFor(TimeSlot slot) {
        for (AvailabilityWindow window : availability) {
            if (window.covers(slot)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasSkills(Set<Skill> required) {
        return skills.containsAll(required);
    }

    public boolean speaks(String language) {
        return languages.contains(language);
    }

    public boolean prefers(Precinct precinct) {
        return preferredPrecinctIds.contains(precinct.getId());
    }

    /**
     * One-way travel minutes from home to the precinct: from the precomputed candidate table, or (for a precinct
     * outside it, e.g. a pinned assignment) asked of the travel model the candidates came from.
     */
    public int travelMinutesTo(Precinct precinct) {
        int position = Arrays.binarySearch(candidateIndexes, precinct.getIndex());
        if (position >= 0) {
            return candidateMinutes[position];
        }
        if (otherPrecinctMinutes == null) {
            return Integer.MAX_VALUE / 4;
        }
        double minutes = otherPrecinctMinutes.applyAsDouble(precinct);
        return Double.isFinite(minutes) ? (int) Math.ceil(minutes) : Integer.MAX_VALUE / 4;
    }

    /**
     * Stores the precincts this volunteer can reach and serve, nearest first, with their one-way travel minutes
     * ({@code minutes[i]} to {@code candidates.get(i)}), and how to time any other precinct: in minutes, or
     * {@link Double#POSITIVE_INFINITY} when unknown ({@code otherPrecincts} null: none can be timed). The travel model
     * (package {@code travel}) computes them; the domain only keeps them.
     */
    public void setCandidates(List<Precinct> candidates, double[] minutes, ToDoubleFunction<Precinct> otherPrecincts) {
        setCandidates(candidates, minutes, Map.of(), otherPrecincts);
    }

    /**
     * The same with, per date the volunteer offered a deployment, the candidates within the offer's longer limit
     * ({@code deployment}; those not among the everyday candidates timed by {@code otherPrecincts}, which must be
     * given then).
     */
    public void setCandidates(List<Precinct> candidates, double[] minutes, Map<LocalDate, List<Precinct>> deployment,
            ToDoubleFunction<Precinct> otherPrecincts) {
        if (minutes.length != candidates.size()) {
            throw new IllegalArgumentException(candidates.size() + " candidates, " + minutes.length + " travel times");
        }
        // Not List.copyOf: the candidates are a value range, asked whether they contain null (unassigned).
        this.candidatePrecincts = candidates.stream().toList();
        Map<Precinct, Double> all = new HashMap<>();
        for (int i = 0; i < minutes.length; i++) {
            all.put(candidates.get(i), minutes[i]);
        }
        Map<LocalDate, List<Precinct>> byDate = new HashMap<>();
        deployment.forEach((date, reach) -> {
            byDate.put(date, reach.stream().toList());
            reach.forEach(precinct -> all.computeIfAbsent(precinct, otherPrecincts::applyAsDouble));
        });
        this.deploymentCandidates = Map.copyOf(byDate);
        Precinct[] byIndex = all.keySet().toArray(Precinct[]::new);
        Arrays.sort(byIndex, (a, b) -> Integer.compare(a.getIndex(), b.getIndex()));
        this.candidateIndexes = new int[byIndex.length];
        this.candidateMinutes = new int[byIndex.length];
        for (int i = 0; i < byIndex.length; i++) {
            candidateIndexes[i] = byIndex[i].getIndex();
            candidateMinutes[i] = (int) Math.ceil(all.get(byIndex[i]));
        }
        this.otherPrecinctMinutes = otherPrecincts;
    }

    /** The offer the volunteer made for {@code date}, or null. */
    public DeploymentOffer deploymentOfferOn(LocalDate date) {
        for (DeploymentOffer offer : deploymentOffers) {
            if (offer.date().equals(date)) {
                return offer;
            }
        }
        return null;
    }

    /** One-way limit in minutes on {@code date}: the deployment offer's when they made one for it and it is longer. */
    public int travelLimitOn(LocalDate date) {
        DeploymentOffer offer = deploymentOfferOn(date);
        return offer == null ? maxTravelMinutes : Math.max(maxTravelMinutes, offer.maxTravelMinutes());
    }

    /** Candidates for a shift in {@code slot}: those of the deployment offer made for its date, else everyday ones. */
    public List<Precinct> candidatePrecinctsFor(TimeSlot slot) {
        // The value range of every shift, asked on each move: most volunteers offer no deployment, so no lookup.
        return deploymentCandidates.isEmpty() ? candidatePrecincts
                : deploymentCandidates.getOrDefault(slot.getDay(), candidatePrecincts);
    }

    /**
     * The precincts a shift in {@code slot} may be sent to: the volunteer's own candidates and, when they accept
     * rides, those of their candidate drivers (reachable only riding with one, {@link Shift#getRide()}).
     */
    public List<Precinct> precinctRangeFor(TimeSlot slot) {
        return rideOptions.reachByDate().isEmpty() ? candidatePrecinctsFor(slot)
                : rideOptions.reachByDate().getOrDefault(slot.getDay(), candidatePrecinctsFor(slot));
    }

    /** Drives a car and offers free seats. */
    public boolean offersSeats() {
        return travelMode == TravelMode.CAR && carpool.seats() > 0 && home != null;
    }

    /**
     * Minutes {@code driver}'s trip to {@code destination} grows by picking this volunteer up at home: home →
     * pick-up → destination against home → destination, by car.
     */
    public double pickUpDetourMinutes(Volunteer driver, Point destination) {
        RideOptions.CarMinutes car = rideOptions.carMinutes();
        return car.between(driver.getHome(), home) + car.between(home, destination)
                - car.between(driver.getHome(), destination);
    }

    public Carpool getCarpool() {
        return carpool;
    }

    public RideOptions getRideOptions() {
        return rideOptions;
    }

    public void setRideOptions(RideOptions rideOptions) {
        this.rideOptions = rideOptions;
    }

    /** The drivers who could pick this volunteer up (the value range of their shifts' rides); empty when none. */
    public List<Volunteer> getCandidateDrivers() {
        return rideOptions.drivers();
    }

    /** True when the volunteer is available for some slot and can reach some precinct worth canvassing. */
    public boolean isOffersUsefulTime() {
        return offersUsefulTime;
    }

    public void setOffersUsefulTime(boolean offersUsefulTime) {
        this.offersUsefulTime = offersUsefulTime;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Point getHome() {
        return home;
    }

    public Set<Skill> getSkills() {
        return skills;
    }

    public Set<String> getLanguages() {
        return languages;
    }

    public TravelMode getTravelMode() {
        return travelMode;
    }

    public int getMaxTravelMinutes() {
        return maxTravelMinutes;
    }

    public List<AvailabilityWindow> getAvailability() {
        return availability;
    }

    public int getMaxShifts() {
        return maxShifts;
    }

    public int getMaxShiftsPerDay() {
        return maxShiftsPerDay;
    }

    public String getOrganizerId() {
        return organizerId;
    }

    public double getAttendanceProbability() {
        return attendanceProbability;
    }

    public Set<String> getPreferredPrecinctIds() {
        return preferredPrecinctIds;
    }

    public List<DeploymentOffer> getDeploymentOffers() {
        return deploymentOffers;
    }

    /** Precincts within the travel limit, with the skills they require and positive vote value; nearest first. */
    public List<Precinct> getCandidatePrecincts() {
        return candidatePrecincts;
    }

    @Override
    public String toString() {
        return id;
    }
}
