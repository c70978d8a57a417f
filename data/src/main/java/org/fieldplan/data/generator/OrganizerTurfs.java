package org.fieldplan.data.generator;

/**
 * Field organizers' turfs: one organizer per about {@value #VOLUNTEERS_PER_ORGANIZER} volunteers, who run local
 * teams, so each organizer gets a compact neighbourhood of volunteers ({@link SpatialPartition}). Organizer ids
 * are {@code org-1}, {@code org-2}…, neighbouring turfs numbered consecutively.
 */
public final class OrganizerTurfs {

    /** Volunteers per organizer, about: the turfs differ by at most a few. */
    public static final int VOLUNTEERS_PER_ORGANIZER = 25;

    private OrganizerTurfs() {
    }

    /**
     * The organizer id of each volunteer, given homes in a plane where distances are isotropic (kilometres
     * east and north, say; not raw longitude and latitude).
     *
     * @param x each volunteer's home, east
     * @param y each volunteer's home, north (same length as {@code x})
     */
    public static String[] assign(double[] x, double[] y) {
        int[] turf = SpatialPartition.partition(x, y,
                (x.length + VOLUNTEERS_PER_ORGANIZER - 1) / VOLUNTEERS_PER_ORGANIZER);
        String[] organizerIds = new String[turf.length];
        for (int v = 0; v < turf.length; v++) {
            organizerIds[v] = "org-" + (turf[v] + 1);
        }
        return organizerIds;
    }
}
