package org.fieldplan.testing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.Carpool;
import org.fieldplan.domain.DeploymentOffer;
import org.fieldplan.domain.District;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.travel.PrecinctTravel;
import org.fieldplan.vote.MarginalVoteModel;
import org.fieldplan.domain.VoteModelParameters;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/** Small hand-made problem pieces for unit tests. */
public final class Fixtures {

    public static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);
    public static final LocalDate SATURDAY = LocalDate.of(2026, 10, 31);

    private Fixtures() {
    }

    public static TimeSlot slot(String id, int dayOffset, int startHour) {
        LocalDateTime start = SATURDAY.plusDays(dayOffset).atTime(startHour, 0);
        return new TimeSlot(id, start, start.plusHours(3));
    }

    /** A ~1 km square precinct with 1,500 registered voters, 60% turnout, and the given support share. */
    public static Precinct precinct(String id, double support, Set<String> languages) {
        return precinct(id, -71.40, 41.82, support, languages, null);
    }

    public static Precinct precinct(String id, double lon, double lat, double support, Set<String> languages,
            Integer capacity) {
        double half = 0.006;
        Polygon square = GEOMETRY.createPolygon(new Coordinate[] {
                new Coordinate(lon - half, lat - half), new Coordinate(lon + half, lat - half),
                new Coordinate(lon + half, lat + half), new Coordinate(lon - half, lat + half),
                new Coordinate(lon - half, lat - half)});
        return new Precinct(id, "Precinct " + id, square, 1500, 0.6, support, List.of("HD-1"), null, null, languages,
                Set.of(Skill.CANVASS), capacity, null, 0);
    }

    /** Derives the vote-model values of the precincts (index = position), with a 50/50 district. */
    public static List<Precinct> derive(Precinct... precincts) {
        List<Precinct> list = List.of(precincts);
        new MarginalVoteModel(VoteModelParameters.DEFAULTS).apply(list, List.of(new District("HD-1", 0.5)));
        return list;
    }

    public static VolunteerBuilder volunteer(String id) {
        return new VolunteerBuilder(id);
    }

    /** Builds volunteers; defaults: canvasser, English, car, 30 min, available Saturday 08–21, 2 shifts, 2 a day. */
    public static final class VolunteerBuilder {
        private final String id;
        private Set<Skill> skills = Set.of(Skill.CANVASS);
        private Set<String> languages = Set.of("en");
        private int maxTravelMinutes = 30;
        private final List<AvailabilityWindow> availability = new ArrayList<>();
        private int maxShifts = 2;
        private int maxShiftsPerDay = 2;
        private double attendance = 1.0;
        private Set<String> preferred = Set.of();
        private List<PrecinctTravel> candidates = List.of();
        private final List<DeploymentOffer> offers = new ArrayList<>();
        private double lon = -71.41;
        private double lat = 41.82;
        private TravelMode mode = TravelMode.CAR;
        private Carpool carpool = Carpool.NONE;

        private VolunteerBuilder(String id) {
            this.id = id;
        }

        public VolunteerBuilder skills(Skill... values) {
            skills = Set.of(values);
            return this;
        }

        public VolunteerBuilder languages(String... values) {
            languages = Set.of(values);
            return this;
        }

        public VolunteerBuilder maxTravelMinutes(int minutes) {
            maxTravelMinutes = minutes;
            return this;
        }

        public VolunteerBuilder available(int dayOffset, int fromHour, int toHour) {
            availability.add(new AvailabilityWindow(SATURDAY.plusDays(dayOffset).atTime(fromHour, 0),
                    SATURDAY.plusDays(dayOffset).atTime(toHour, 0)));
            return this;
        }

        public VolunteerBuilder maxShifts(int total, int perDay) {
            maxShifts = total;
            maxShiftsPerDay = perDay;
            return this;
        }

        public VolunteerBuilder attendance(double probability) {
            attendance = probability;
            return this;
        }

        public VolunteerBuilder prefers(String... precinctIds) {
            preferred = Set.of(precinctIds);
            return this;
        }

        /** A deployment offer: on that day up to {@code minutes} one way, for at least {@code minSlots} slots. */
        public VolunteerBuilder deploys(int dayOffset, int minutes, int minSlots) {
            offers.add(new DeploymentOffer(SATURDAY.plusDays(dayOffset), minutes, minSlots));
            return this;
        }

        /** Candidate precincts with the given one-way minutes each. */
        public VolunteerBuilder reaches(Precinct precinct, double minutes) {
            List<PrecinctTravel> more = new ArrayList<>(candidates);
            more.add(new PrecinctTravel(precinct, minutes));
            candidates = more;
            return this;
        }

        public VolunteerBuilder home(double longitude, double latitude) {
            lon = longitude;
            lat = latitude;
            return this;
        }

        public VolunteerBuilder mode(TravelMode travelMode) {
            mode = travelMode;
            return this;
        }

        /** Carpool terms: seats offered as a driver, detour limit, whether they accept rides. */
        public VolunteerBuilder carpool(int seats, int detourMinutes, boolean canRide) {
            carpool = new Carpool(seats, detourMinutes, canRide);
            return this;
        }

        public Volunteer build() {
            if (availability.isEmpty()) {
                available(0, 8, 21);
            }
            Volunteer volunteer = new Volunteer(id, "Volunteer " + id, GEOMETRY.createPoint(new Coordinate(lon, lat)),
                    skills, languages, mode, maxTravelMinutes, availability, maxShifts, maxShiftsPerDay,
                    "org-1", attendance, preferred, offers, carpool);
            volunteer.setCandidates(candidates.stream().map(PrecinctTravel::precinct).toList(),
                    candidates.stream().mapToDouble(PrecinctTravel::minutes).toArray(), null);
            volunteer.setOffersUsefulTime(!candidates.isEmpty());
            return volunteer;
        }
    }
}
