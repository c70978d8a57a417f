package org.fieldplan.api.errors;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Tells a database that cannot be reached (stopped, restarting, unreachable, no connection free within the pool's
 * timeout) from a database that refused a request: the first is the service's temporary state, answered 503 with
 * {@code Retry-After}, not a 500; the next request after the database is back succeeds, with no restart.
 */
public final class DatabaseOutage {

    /** How long a client is asked to wait: the pool's connection timeout is a few seconds too. */
    public static final long RETRY_AFTER_SECONDS = 5;

    static final String DETAIL = "the database is unavailable; the request was not carried out, try again shortly";

    /**
     * SQL states of a lost or refused connection: class 08 (connection exception), and the server shutting down
     * or starting up (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
     */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    /** Whether {@code failure} (or any of its causes) is the database being unreachable. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SHUTDOWN_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The 503 problem with its {@code Retry-After}. */
    static ResponseEntity<ProblemDetail> response() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, DETAIL, List.of());
        return new ResponseEntity<>(problem, headers, HttpStatus.SERVICE_UNAVAILABLE);
    }
}
