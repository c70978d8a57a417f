package org.fieldplan.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdAlphabetTest {

    @ParameterizedTest
    @ValueSource(strings = {"P0001", "V00017", "2026-10-31-am", "org-3", "CT-greenwich-5", "HDIST-035", "a_b", "7"})
    void idsOfEveryKindInUseAreSafe(String id) {
        assertThat(IdAlphabet.problem(id)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a/b | contains '/'",
            "a;b | contains ';'",
            ".. | contains '.' at its start",
            "a..b | contains '.'",
            "<img src=x> | contains '<' at its start",
            "V 1 | contains the character U+0020",
            "-x | contains '-' at its start",
            "'' | is empty",
            "Zoë | contains the character U+00EB"})
    void unsafeIdsAreRefusedNamingTheCharacter(String id, String problem) {
        assertThat(IdAlphabet.problem(id)).hasValueSatisfying(message -> assertThat(message).startsWith(problem)
                .contains(IdAlphabet.RULE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Greenwich 5 | greenwich-5",
            "Bethlehem - Entire | bethlehem-entire",
            "O'Brien (North), Ward 3 | o-brien-north-ward-3",
            "Española | espanola",
            "<img src=x onerror=alert(1)> | img-src-x-onerror-alert-1"})
    void slugsOfRealNamesAreSafe(String name, String slug) {
        assertThat(IdAlphabet.slug(name)).isEqualTo(slug);
        assertThat(IdAlphabet.isSafe(slug)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 129})
    void idsHaveAtMost128Characters(int length) {
        assertThat(IdAlphabet.isSafe("a".repeat(length))).isEqualTo(length <= IdAlphabet.MAX_LENGTH);
    }
}
