package org.fieldplan.api.errors;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tomcat's error report for errors the container answers itself, before Spring MVC sees the request (a {@code %2F}
 * in the path, a header over the size limit, a malformed request line): an RFC 7807 problem like every other error of
 * the service instead of Tomcat's HTML page, with no server version or stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As the HTML report: only errors, only when nothing was written yet (Spring's own problems are written).
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        ObjectNode problem = JSON.createObjectNode()
                .put("type", "about:blank")
                .put("title", known == null ? "Error" : known.getReasonPhrase())
                .put("status", status)
                .put("detail", detail(status));
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot take a body: nothing more to tell.
        }
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "the request cannot be read: its path, request line or headers are malformed or too large"
                    + " (an encoded slash %2F is not allowed in a path)";
            case 404 -> "no such resource";
            case 413 -> "the request is too large";
            case 431 -> "the request's headers are too large";
            default -> "the server could not process the request";
        };
    }
}
