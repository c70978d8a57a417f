package org.fieldplan.api.errors;

import java.io.IOException;

import org.fieldplan.api.config.FieldPlanProperties;
import org.fieldplan.api.imports.ImportProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Caps every request body at {@code fieldplan.max-body-bytes}. Tomcat limits only form posts, and a JSON problem
 * is not one, so the body stream is wrapped: reading past the limit (or a declared length over it) throws
 * {@link BodyTooLargeException}, which {@link ProblemDetailsAdvice} answers with 413. Counting the bytes read
 * also covers chunked bodies, which declare no length. Region uploads ({@link ImportProperties#ROUTE_PATTERN}) get
 * their own, larger limit, {@code fieldplan.import.max-upload-bytes} (multipart bodies are also capped by
 * {@code spring.servlet.multipart.max-request-size}, set to the same value).
 */
@Component
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final long limitBytes;
    private final long uploadLimitBytes;

    public BodySizeLimitFilter(FieldPlanProperties properties, ImportProperties imports) {
        this.limitBytes = properties.maxBodyBytes();
        this.uploadLimitBytes = imports.maxUploadBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = PATHS.match(ImportProperties.ROUTE_PATTERN, request.getRequestURI());
        chain.doFilter(new LimitedRequest(request, upload ? uploadLimitBytes : limitBytes), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limitBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limitBytes) {
            super(request);
            this.limitBytes = limitBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), getContentLengthLong(), limitBytes);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long declaredLength;
        private final long limitBytes;
        private long read;

        LimitedStream(ServletInputStream in, long declaredLength, long limitBytes) {
            this.in = in;
            this.declaredLength = declaredLength;
            this.limitBytes = limitBytes;
        }

        @Override
        public int read() throws IOException {
            checkDeclared();
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkDeclared();
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void checkDeclared() throws BodyTooLargeException {
            if (declaredLength > limitBytes) {
                throw new BodyTooLargeException(limitBytes);
            }
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limitBytes) {
                throw new BodyTooLargeException(limitBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
