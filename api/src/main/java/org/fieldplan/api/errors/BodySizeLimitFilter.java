package org.fieldplan.api.errors;

import java.io.IOException;

import org.fieldplan.api.config.FieldPlanProperties;
import org.springframework.stereotype.Component;
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
 * also covers chunked bodies, which declare no length.
 */
@Component
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limitBytes;

    public BodySizeLimitFilter(FieldPlanProperties properties) {
        this.limitBytes = properties.maxBodyBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new LimitedRequest(request, limitBytes), response);
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
