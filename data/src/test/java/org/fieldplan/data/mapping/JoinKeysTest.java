package org.fieldplan.data.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.fieldplan.data.mapping.TableJoin.KeyRule;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;

class JoinKeysTest {

    private static final Set<KeyRule> LOOSE = EnumSet.of(KeyRule.CASE, KeyRule.SPACES, KeyRule.PUNCTUATION,
            KeyRule.LEADING_ZEROS);
    private static final JoinKeys OHIO = new JoinKeys(LOOSE,
            Map.of("COLS", "COLUMBUS", "UA", "UPPER ARLINGTON", "CANAL WIN", "CANAL WINCHESTER"));

    @Test
    void anAbbreviationAndTheFullNameGiveTheSameKey() {
        assertThat(OHIO.normalize("COLS 01-A")).isEqualTo("COLUMBUS1A");
        assertThat(OHIO.normalize("Columbus 1 a")).isEqualTo("COLUMBUS1A");
        assertThat(OHIO.normalize("UA 3-C")).isEqualTo(OHIO.normalize("UPPER ARLINGTON 03-C"));
    }

    @Test
    void aliasesReplaceWholeWordsAndPhrasesOnly() {
        assertThat(OHIO.normalize("COLSTON 1")).isEqualTo("COLSTON1");
        assertThat(OHIO.normalize("CANAL WIN-A")).isEqualTo(OHIO.normalize("CANAL WINCHESTER-A"));
        // WIN alone is not the phrase CANAL WIN.
        assertThat(OHIO.normalize("WIN-A")).isEqualTo("WINA");
    }

    @Test
    void withoutRulesKeysAreComparedAsWritten() {
        JoinKeys exact = new JoinKeys(Set.of(), Map.of());

        assertThat(exact.normalize("Cols 01")).isNotEqualTo(exact.normalize("COLS 01"));
        assertThat(exact.normalize(" A 1")).isEqualTo(" A 1");
    }

    @Test
    void eachRuleRemovesOnlyItsDifference() {
        assertThat(new JoinKeys(EnumSet.of(KeyRule.SPACES), Map.of()).normalize("  A \t 01-b ")).isEqualTo("A 01-b");
        assertThat(new JoinKeys(EnumSet.of(KeyRule.LEADING_ZEROS), Map.of()).normalize("W 007-0A 10"))
                .isEqualTo("W 7-0A 10");
        assertThat(new JoinKeys(EnumSet.of(KeyRule.ACCENTS, KeyRule.CASE), Map.of()).normalize("Peñasco"))
                .isEqualTo("PENASCO");
    }

    @Test
    void anAliasWithoutLettersOrDigitsIsRefused() {
        assertThatThrownBy(() -> new JoinKeys(LOOSE, Map.of("--", "X")))
                .hasMessageContaining("alias '--' has no letters or digits");
    }

    /** However a results file pads, spaces or abbreviates a ward number, it meets the shapes' spelling. */
    @Property
    void shortAndLongSpellingsOfAnyWardMeet(@ForAll @IntRange(min = 0, max = 999) int ward,
            @ForAll @CharRange(from = 'A', to = 'Z') char letter, @ForAll @IntRange(min = 0, max = 3) int zeros) {
        String shapes = "COLUMBUS " + ward + "-" + letter;
        String results = "cols  " + "0".repeat(zeros) + ward + " " + Character.toLowerCase(letter);

        assertThat(OHIO.normalize(results)).isEqualTo(OHIO.normalize(shapes));
    }

    @Property
    void normalisingTwiceChangesNothing(@ForAll String key) {
        JoinKeys plain = new JoinKeys(LOOSE, Map.of());

        assertThat(plain.normalize(plain.normalize(key))).isEqualTo(plain.normalize(key));
    }
}
