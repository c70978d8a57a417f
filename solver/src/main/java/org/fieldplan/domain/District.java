package org.fieldplan.domain;

import java.util.Objects;

/**
 * An electoral district (state house, senate, congressional…) with the expected two-party support share of our
 * side. Its closeness gives the pivotality weight of the precincts in it.
 */
public record District(String id, double expectedSupportShare) {

    public District {
        Objects.requireNonNull(id, "id");
    }
}
