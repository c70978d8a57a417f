package org.fieldplan.io;

import java.util.List;
import java.util.Objects;

/**
 * Which feature properties of a precinct GeoJSON file hold what {@link PrecinctGeoJsonReader} needs.
 *
 * @param idPrefix prepended to every id, e.g. {@code "RI-"}, so precincts of several states can share a problem
 * @param idProperties properties whose values, joined with {@code -} and made URL-safe, form a unique id
 * @param nameProperty the human-readable precinct name
 * @param registeredVotersProperty registered voters (or a proxy such as voting-age population)
 * @param ballotsProperties ballots cast in the reference election; several are summed when a file has no total
 * @param demVotesProperty our side's votes in the reference race (support share q = D / (D + R))
 * @param repVotesProperty the other side's votes in the reference race
 * @param districtProperties each gives one district id per precinct, written {@code PROPERTY-value}
 *     (e.g. {@code HDIST-035}) because house and senate districts reuse the same numbers
 * @param hispanicVapProperty Hispanic voting-age population
 * @param vapProperty voting-age population
 * @param spanishThreshold the Hispanic share of voting-age population from which canvassers must include a
 *     Spanish speaker
 */
public record PrecinctColumnMapping(
        String idPrefix,
        List<String> idProperties,
        String nameProperty,
        String registeredVotersProperty,
        List<String> ballotsProperties,
        String demVotesProperty,
        String repVotesProperty,
        List<String> districtProperties,
        String hispanicVapProperty,
        String vapProperty,
        double spanishThreshold) {

    public static final double DEFAULT_SPANISH_THRESHOLD = 0.30;

    /**
     * MGGG's Rhode Island precincts ({@code ri-precincts.geojson}): 2018 registration and ballots, the 2018
     * governor race, state house and senate districts. The id is the state's four-digit precinct number
     * ({@code NAME}, unique statewide: the first two digits are the town), the name {@code PRENAME}
     * ("South Kingstown 3206"), since bare precinct names mean little outside their town.
     */
    public static final PrecinctColumnMapping RHODE_ISLAND = new PrecinctColumnMapping("RI-", List.of("NAME"),
            "PRENAME", "REGVOT18", List.of("TOTVOT18"), "GOV18D", "GOV18R", List.of("HDIST", "SENDIST"), "HVAP",
            "VAP", DEFAULT_SPANISH_THRESHOLD);

    /**
     * MGGG's New Hampshire precincts ({@code nh-precincts.geojson}), which have no registration or ballot
     * columns: the newest race present is 2020 (president and governor); the presidential one is used as it
     * drew the most voters. Registered voters are proxied by voting-age population ({@code VAP}, census 2010)
     * and ballots by the two-party presidential vote, so turnout is understated by minor-party votes and
     * overstated where population grew since 2010 (capped at 1 by the reader).
     */
    public static final PrecinctColumnMapping NEW_HAMPSHIRE = new PrecinctColumnMapping("NH-", List.of("Precinct"),
            "Precinct", "VAP", List.of("PRES20D", "PRES20R"), "PRES20D", "PRES20R", List.of("HDIST", "SEND"), "HVAP",
            "VAP", DEFAULT_SPANISH_THRESHOLD);

    public PrecinctColumnMapping {
        Objects.requireNonNull(idPrefix, "idPrefix");
        idProperties = List.copyOf(idProperties);
        Objects.requireNonNull(nameProperty, "nameProperty");
        Objects.requireNonNull(registeredVotersProperty, "registeredVotersProperty");
        ballotsProperties = List.copyOf(ballotsProperties);
        Objects.requireNonNull(demVotesProperty, "demVotesProperty");
        Objects.requireNonNull(repVotesProperty, "repVotesProperty");
        districtProperties = List.copyOf(districtProperties);
        Objects.requireNonNull(hispanicVapProperty, "hispanicVapProperty");
        Objects.requireNonNull(vapProperty, "vapProperty");
        if (idProperties.isEmpty() || ballotsProperties.isEmpty()) {
            throw new IllegalArgumentException("A mapping needs at least one id and one ballots property.");
        }
    }

    /** The same mapping with another Spanish-speaker threshold. */
    public PrecinctColumnMapping withSpanishThreshold(double threshold) {
        return new PrecinctColumnMapping(idPrefix, idProperties, nameProperty, registeredVotersProperty,
                ballotsProperties, demVotesProperty, repVotesProperty, districtProperties, hispanicVapProperty,
                vapProperty, threshold);
    }
}
