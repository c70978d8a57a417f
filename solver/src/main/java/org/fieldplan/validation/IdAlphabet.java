package org.fieldplan.validation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one alphabet of ids (regions, precincts, volunteers, time slots, districts, organizers): 1–128 ASCII letters,
 * digits, {@code -} or {@code _}, starting with a letter or digit. Ids travel in URL paths and query strings, CSV
 * cells, file names and the page's markup; this alphabet needs no escaping in any of them, so an id can never be
 * {@code ..}, hold a {@code /} or {@code ;}, or carry markup. Names are free text and are shown escaped.
 */
public final class IdAlphabet {

    public static final int MAX_LENGTH = 128;

    /** The rule in words, as error messages and the docs state it. */
    public static final String RULE = "ids are 1-" + MAX_LENGTH
            + " letters (A-Z, a-z), digits, '-' or '_', starting with a letter or digit";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0," + (MAX_LENGTH - 1) + "}");

    private IdAlphabet() {
    }

    public static boolean isSafe(String id) {
        return id != null && SAFE.matcher(id).matches();
    }

    /** What is wrong with the id, or empty when it is in the alphabet. */
    public static Optional<String> problem(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("is empty (" + RULE + ")");
        }
        if (isSafe(id)) {
            return Optional.empty();
        }
        if (id.length() > MAX_LENGTH) {
            return Optional.of("is " + id.length() + " characters long (" + RULE + ")");
        }
        int bad = SAFE.matcher(id.substring(0, 1)).matches() ? firstOutside(id) : 0;
        return Optional.of("contains " + describe(id.codePointAt(bad)) + (bad == 0 ? " at its start" : "")
                + " (" + RULE + ")");
    }

    /**
     * A safe id made from free text: accents dropped, lower case, every run of other characters one {@code -}
     * ({@code "Greenwich 5"} becomes {@code greenwich-5}); empty when the text has no letter or digit.
     */
    public static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static int firstOutside(String id) {
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
                return i;
            }
        }
        return 0;
    }

    private static String describe(int codePoint) {
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) || codePoint > 126) {
            return String.format("the character U+%04X", codePoint);
        }
        return "'" + Character.toString(codePoint) + "'";
    }
}
