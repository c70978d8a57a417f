package org.fieldplan.data.importer;

import java.util.regex.Pattern;

/**
 * Takes the server's temporary directories out of messages shown to users (GDAL names the files it read by their
 * full path): {@code /tmp/fieldplan-upload123/p.zip} becomes {@code p.zip}. A client must not learn the server's
 * file layout.
 */
public final class ServerPaths {

    private static final Pattern TEMPORARY = Pattern.compile("(?:/vsigzip/)?"
            + Pattern.quote(System.getProperty("java.io.tmpdir").replaceAll("/+$", "")) + "/(?:[^/\\s'\"`]+/)*");

    private ServerPaths() {
    }

    public static String hide(String message) {
        return message == null ? null : TEMPORARY.matcher(message).replaceAll("");
    }
}
