package org.fieldplan.api.errors;

import java.util.List;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The servlet container's error page ({@code /error}), in place of Spring Boot's own JSON ({@code timestamp},
 * {@code error}, {@code path}): whatever reaches it — an exception that left the filters, a {@code sendError} — is
 * an RFC 7807 problem like every other error, a database outage a 503 with {@code Retry-After}.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseOutage.causedBy(failure)) {
            return DatabaseOutage.response();
        }
        // Asked for directly, the error page is no resource of the API.
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                && HttpStatus.resolve(code) != null ? HttpStatus.valueOf(code) : HttpStatus.NOT_FOUND;
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(ProblemDetailsAdvice.problem(status,
                ProblemErrorReportValve.detail(status.value()), List.of()), headers, status);
    }
}
