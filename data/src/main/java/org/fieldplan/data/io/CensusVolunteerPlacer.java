package org.fieldplan.data.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.fieldplan.data.generator.OrganizerTurfs;
import org.fieldplan.data.generator.VolunteerSampler;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * Places synthetic volunteers where people live: homes are drawn from census block-group centres of population,
 * weighted by population, then moved by up to {@value #JITTER_METRES} m in a random direction so that
 * volunteers of one block group do not share a doorstep. Organizers get compact turfs of nearby homes
 * ({@link OrganizerTurfs}); the other attributes come from {@link VolunteerSampler}, with overall shares since a
 * block group says nothing here about urbanity, Hispanic share or precinct.
 *
 * <p>Volunteers are numbered in block-group (GEOID) order, which keeps census neighbours together. The same block
 * groups, slots, count and seed always give the same volunteers.
 */
public final class CensusVolunteerPlacer {

    static final double JITTER_METRES = 200;
    private static final double METRES_PER_DEGREE_LATITUDE = 111_320;

    private final List<BlockGroupCentre> blockGroups;
    private final long[] cumulativePopulation;
    private final VolunteerSampler sampler;

    /**
     * A census 2020 block-group centre of population.
     *
     * @param geoid state, county, tract and block-group codes concatenated (12 digits)
     */
    public record BlockGroupCentre(String geoid, int population, double latitude, double longitude) {
    }

    /** A placer over the given block groups, drawing attributes with {@code sampler}. */
    public CensusVolunteerPlacer(List<BlockGroupCentre> blockGroups, VolunteerSampler sampler) {
        this.blockGroups = List.copyOf(blockGroups);
        this.sampler = sampler;
        this.cumulativePopulation = new long[blockGroups.size()];
        long sum = 0;
        for (int i = 0; i < blockGroups.size(); i++) {
            sum += blockGroups.get(i).population();
            cumulativePopulation[i] = sum;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("The block groups have no population to place volunteers in.");
        }
    }

    /** A placer over the block groups of a census centres-of-population CSV, with availability over the slots. */
    public static CensusVolunteerPlacer fromCsv(Path csv, List<TimeSlot> slots) {
        return new CensusVolunteerPlacer(readBlockGroups(csv), new VolunteerSampler(slots));
    }

    /**
     * Reads a Census Bureau centres-of-population file for block groups (columns
     * {@code STATEFP,COUNTYFP,TRACTCE,BLKGRPCE,POPULATION,LATITUDE,LONGITUDE}).
     */
    public static List<BlockGroupCentre> readBlockGroups(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + csv, e);
        }
        String expectedHeader = "STATEFP,COUNTYFP,TRACTCE,BLKGRPCE,POPULATION,LATITUDE,LONGITUDE";
        if (lines.isEmpty() || !lines.get(0).strip().replace("\uFEFF", "").equals(expectedHeader)) {
            throw new IllegalArgumentException(csv + ": expected the header " + expectedHeader);
        }
        List<BlockGroupCentre> centres = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).strip().split(",");
            try {
                centres.add(new BlockGroupCentre(cells[0] + cells[1] + cells[2] + cells[3],
                        Integer.parseInt(cells[4]), Double.parseDouble(cells[5]), Double.parseDouble(cells[6])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(csv + " line " + (i + 1) + ": not a block-group row: "
                        + lines.get(i), e);
            }
        }
        return centres;
    }

    /** {@code count} volunteers with ids {@code V0001}…, drawn with the given seed. */
    public List<Volunteer> place(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BlockGroupCentre[] drawn = new BlockGroupCentre[count];
        for (int i = 0; i < count; i++) {
            drawn[i] = draw(random);
        }
        // Stable sort: equal GEOIDs keep their draw order, so the result depends on the seed only.
        Arrays.sort(drawn, Comparator.comparing(BlockGroupCentre::geoid));
        Point[] homes = new Point[count];
        double[] eastKm = new double[count];
        double[] northKm = new double[count];
        for (int i = 0; i < count; i++) {
            homes[i] = jitteredHome(drawn[i], random);
            // Sinusoidal projection: a degree of longitude shrinks with the cosine of the latitude.
            eastKm[i] = homes[i].getX() * Math.cos(Math.toRadians(homes[i].getY())) * METRES_PER_DEGREE_LATITUDE / 1000;
            northKm[i] = homes[i].getY() * METRES_PER_DEGREE_LATITUDE / 1000;
        }
        String[] organizerIds = OrganizerTurfs.assign(eastKm, northKm);
        int width = Math.max(4, String.valueOf(count).length());
        List<Volunteer> volunteers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = "V" + String.format("%0" + width + "d", i + 1);
            volunteers.add(sampler.sample(id, null, homes[i], organizerIds[i], VolunteerSampler.Neighbourhood.UNKNOWN,
                    random));
        }
        return volunteers;
    }

    private BlockGroupCentre draw(SplittableRandom random) {
        // The person numbered target (0-based) lives in the first block group whose cumulative population
        // reaches target + 1.
        long target = (long) (random.nextDouble() * cumulativePopulation[cumulativePopulation.length - 1]);
        int index = Arrays.binarySearch(cumulativePopulation, target + 1);
        return blockGroups.get(index >= 0 ? firstWith(index) : -index - 1);
    }

    /** Several entries share a cumulative value after a zero-population block group: take the populated one. */
    private int firstWith(int index) {
        while (index > 0 && cumulativePopulation[index - 1] == cumulativePopulation[index]) {
            index--;
        }
        return index;
    }

    /** Uniform in a disc of radius {@link #JITTER_METRES} around the centre. */
    private static Point jitteredHome(BlockGroupCentre centre, SplittableRandom random) {
        double radius = JITTER_METRES * Math.sqrt(random.nextDouble());
        double angle = 2 * Math.PI * random.nextDouble();
        double dLat = radius * Math.cos(angle) / METRES_PER_DEGREE_LATITUDE;
        double dLon = radius * Math.sin(angle)
                / (METRES_PER_DEGREE_LATITUDE * Math.cos(Math.toRadians(centre.latitude())));
        return GeoJsonGeometryModule.WGS84.createPoint(
                new Coordinate(centre.longitude() + dLon, centre.latitude() + dLat));
    }
}
