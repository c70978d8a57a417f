package org.fieldplan.data.mapping;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldplan.data.mapping.TableJoin.KeyRule;

/**
 * Makes two spellings of a precinct key comparable, by a join's declared rules and aliases. The same function is
 * applied to both sides, so an alias never breaks a key that already had the long form.
 *
 * <p>Order: accents, case, aliases (whole words or phrases, longest first), then spaces, punctuation and leading
 * zeros. {@code COLS 01-A} with alias {@code COLS → COLUMBUS} and rules case, punctuation, leadingZeros gives
 * {@code COLUMBUS1A}, as does {@code Columbus 1 A}.
 */
public final class JoinKeys {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LEADING_ZEROS = Pattern.compile("(?<!\\p{N})0+(?=\\p{N})");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final Set<KeyRule> rules;
    /** Each alias's words (normalised like keys) → its replacement. */
    private final Map<List<String>, String> aliases = new HashMap<>();
    private final int longestAlias;

    JoinKeys(Set<KeyRule> rules, Map<String, String> aliases) {
        this.rules = Set.copyOf(rules);
        int longest = 0;
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            List<String> words = words(letters(alias.getKey()));
            if (words.isEmpty()) {
                throw new IllegalArgumentException("alias '" + alias.getKey() + "' has no letters or digits");
            }
            this.aliases.put(words, letters(alias.getValue()));
            longest = Math.max(longest, words.size());
        }
        this.longestAlias = longest;
    }

    /** The key as compared. */
    public String normalize(String key) {
        String text = expand(letters(key));
        if (rules.contains(KeyRule.PUNCTUATION)) {
            text = NOT_WORD.matcher(text).replaceAll("");
        } else if (rules.contains(KeyRule.SPACES)) {
            text = text.strip().replaceAll("\\s+", " ");
        }
        if (rules.contains(KeyRule.LEADING_ZEROS)) {
            text = LEADING_ZEROS.matcher(text).replaceAll("");
        }
        return text;
    }

    private String letters(String text) {
        if (rules.contains(KeyRule.ACCENTS)) {
            text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        }
        return rules.contains(KeyRule.CASE) ? text.toUpperCase(Locale.ROOT) : text;
    }

    /** Replaces aliased words and phrases, keeping what lies between other words. */
    private String expand(String text) {
        if (aliases.isEmpty()) {
            return text;
        }
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < spans.size(); ) {
            int matched = 0;
            for (int n = Math.min(longestAlias, spans.size() - i); n > 0 && matched == 0; n--) {
                List<String> words = new ArrayList<>(n);
                for (int k = i; k < i + n; k++) {
                    words.add(text.substring(spans.get(k)[0], spans.get(k)[1]));
                }
                String replacement = aliases.get(words);
                if (replacement != null) {
                    out.append(text, copied, spans.get(i)[0]).append(replacement);
                    copied = spans.get(i + n - 1)[1];
                    matched = n;
                }
            }
            i += Math.max(matched, 1);
        }
        return out.append(text.substring(copied)).toString();
    }

    private static List<String> words(String text) {
        return Arrays.stream(NOT_WORD.split(text.strip())).filter(w -> !w.isEmpty()).toList();
    }
}
