package org.fieldplan.data.travel.road;

/** An OSM extract that cannot be read as a road network; the message names the file. */
public final class RoadNetworkException extends RuntimeException {

    public RoadNetworkException(String message) {
        super(message);
    }

    public RoadNetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
