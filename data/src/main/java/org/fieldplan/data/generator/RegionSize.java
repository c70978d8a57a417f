package org.fieldplan.data.generator;

/**
 * Preset sizes of the synthetic demo region, from a quick demo to a stress test. M is about the size of Rhode
 * Island's precinct map (≈400 precincts); XL is a large state.
 */
public enum RegionSize {
    /** A neighbourhood demo: 50 precincts, 100 volunteers. */
    S(50, 100),
    /** A small state such as Rhode Island: 400 precincts, 2,000 volunteers. */
    M(400, 2_000),
    /** A mid-sized state: 5,000 precincts, 20,000 volunteers. */
    L(5_000, 20_000),
    /** A large state: 20,000 precincts, 80,000 volunteers. */
    XL(20_000, 80_000);

    private final int precinctCount;
    private final int volunteerCount;

    RegionSize(int precinctCount, int volunteerCount) {
        this.precinctCount = precinctCount;
        this.volunteerCount = volunteerCount;
    }

    /** Number of precinct seed points; the generated problem has this many precincts or very slightly fewer. */
    public int precinctCount() {
        return precinctCount;
    }

    public int volunteerCount() {
        return volunteerCount;
    }
}
