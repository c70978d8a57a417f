package org.fieldplan.api.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An answer rendered once and served as it is until what it was rendered from changes: its bytes, a gzip copy when
 * it is large enough to gain from one, and a strong {@code ETag} taken from its content (so every instance gives the
 * same answer the same tag).
 *
 * @param gzipped null when the body is too small to compress
 */
public record RenderedAnswer(MediaType contentType, byte[] body, byte[] gzipped, String etag) {

    /** Below this many bytes the body goes out as it is (compression would gain less than its headers cost). */
    static final int GZIP_FROM_BYTES = 1024;

    /**
     * Readers must ask again each time ({@code no-cache}): the plan can change any moment, and a revalidation with
     * {@code If-None-Match} costs a 304 without a body. {@code private}: the answer depends on the caller's key.
     */
    private static final CacheControl REVALIDATE = CacheControl.noCache().cachePrivate();

    public static RenderedAnswer of(MediaType contentType, byte[] body) {
        byte[] gzipped = body.length >= GZIP_FROM_BYTES ? gzip(body) : null;
        return new RenderedAnswer(contentType, body, gzipped, "\"" + digest(body) + "\"");
    }

    /**
     * The HTTP answer: 304 when {@code If-None-Match} names this content, else the body, gzipped when the client
     * accepts gzip and the body is large.
     */
    public ResponseEntity<byte[]> respond(String ifNoneMatch, String acceptEncoding) {
        boolean gzip = gzipped != null && acceptEncoding != null && acceptEncoding.contains("gzip");
        String tag = gzip ? etag.substring(0, etag.length() - 1) + "-gz\"" : etag;
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.OK).eTag(tag).cacheControl(REVALIDATE)
                .varyBy(HttpHeaders.ACCEPT_ENCODING);
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.contains(tag)
                || ifNoneMatch.trim().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tag).cacheControl(REVALIDATE)
                    .varyBy(HttpHeaders.ACCEPT_ENCODING).build();
        }
        answer.contentType(contentType);
        if (gzip) {
            return answer.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(gzipped);
        }
        return answer.body(body);
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
