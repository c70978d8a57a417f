package org.fieldplan.plan;

/** Two plans cannot be compared because they are of different problems (other precincts or time slots). */
public class PlansNotComparableException extends RuntimeException {

    public PlansNotComparableException(String message) {
        super(message);
    }
}
