package org.fieldplan.data.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {

    private static final Map<String, Double> ROW = Map.of("VAP", 1000.0, "HVAP", 300.0, "D", 60.0, "R", 40.0,
            "ZERO", 0.0, "Total Votes", 100.0);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "VAP * 0.7 | 700",
            "D + R * 2 | 140",
            "(D + R) * 2 | 200",
            "D / (D + R) | 0.6",
            "-D + 100 | 40",
            "min(D, R, 50) | 40",
            "max(D, R) | 60",
            "ratio(HVAP, VAP, 0) | 0.3",
            "ratio(HVAP, ZERO, 0.25) | 0.25",
            "[Total Votes] / 4 | 25",
            "coalesce(MISSING, 7) | 7",
            "coalesce(D, 7) | 60",
            "HVAP / VAP >= 0.3 | 1",
            "HVAP / VAP > 0.3 | 0",
            "D > R and R > 50 | 0",
            "D > R or R > 50 | 1",
            "D != R | 1"})
    void evaluates(String text, double expected) {
        assertThat(ExpressionParser.parse(text).evaluate(row())).isCloseTo(expected, offset(1e-12));
    }

    @Test
    void knowsItsColumnsAndWhetherItIsACondition() {
        Expression rule = ExpressionParser.parse("ratio(HVAP, VAP, 0) >= 0.3");
        assertThat(rule.columns()).containsExactlyInAnyOrder("HVAP", "VAP");
        assertThat(rule.isCondition()).isTrue();
        assertThat(ExpressionParser.parse("VAP * 0.7").isCondition()).isFalse();
    }

    @Test
    void divisionByZeroIsAnErrorOfTheRowNamingTheDivisor() {
        Expression share = ExpressionParser.parse("HVAP / ZERO");
        assertThatThrownBy(() -> share.evaluate(row())).isInstanceOf(RowValueException.class)
                .hasMessageStartingWith("division by zero: ZERO is 0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "VAP * | expression ends too early",
            "(VAP | expected ')'",
            "VAP ) | unexpected ')'",
            "Runtime.exec(1) | unexpected '.'",
            "system(1) | unknown function 'system'",
            "ratio(HVAP, VAP) | ratio needs three arguments",
            "VAP >= 1 + 2 >= 3 | unexpected '>'",
            "(VAP > 1) * 2 | '*' needs a number, not the condition '(VAP > 1)'",
            "VAP and D | 'and' needs a condition",
            "[VAP | '[' without a closing ']'",
            "1.2.3 | '1.2.3' is not a number"})
    void rejectsWhatItCannotParseSayingWhere(String text, String message) {
        assertThatThrownBy(() -> ExpressionParser.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).hasMessageContaining("at position");
    }

    /**
     * The shapes that overflowed the parser's stack (10,000 terms, 5,000 nested parentheses, 10,000 unary
     * minus) are refused by their length before any parsing; the message does not repeat the whole text.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "terms | is 19999 characters long, more than the 2000 allowed",
            "parentheses | is 10001 characters long, more than the 2000 allowed",
            "unary minus | is 10001 characters long, more than the 2000 allowed"})
    void refusesTheOverlongShapesBeforeParsing(String shape, String message) {
        assertThatThrownBy(() -> ExpressionParser.parse(hostile(shape))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    /** Within the length limit, nesting is limited too: parentheses, unary minus and function calls each nest. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'(' * 900 + D + ')' * 900 | nests more than 64 levels deep at position 65",
            "'-' * 1500 + D | nests more than 64 levels deep at position 65",
            "'max(' * 300 + D + ')' * 300 | nests more than 64 levels deep at position 260"})
    void refusesDeepNestingWithinTheLengthLimit(String shape, String message) {
        String text = switch (shape.charAt(1)) {
            case '(' -> "(".repeat(900) + "D" + ")".repeat(900);
            case '-' -> "-".repeat(1500) + "D";
            default -> "max(".repeat(300) + "D" + ")".repeat(300);
        };
        assertThatThrownBy(() -> ExpressionParser.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void expressionsJustWithinTheLimitsStillWork() {
        String deep = "(".repeat(63) + "VAP" + ")".repeat(63);
        assertThat(ExpressionParser.parse(deep).evaluate(row())).isEqualTo(1000);
        String wide = String.join("+", java.util.Collections.nCopies(1000, "D"));
        assertThat(wide).hasSize(1999);
        assertThat(ExpressionParser.parse(wide).evaluate(row())).isEqualTo(60_000);
    }

    /** The three hostile shapes: 10,000 terms, 5,000 nested parentheses, 10,000 unary minus. */
    static String hostile(String shape) {
        return switch (shape) {
            case "terms" -> String.join("+", java.util.Collections.nCopies(10_000, "D"));
            case "parentheses" -> "(".repeat(5_000) + "D" + ")".repeat(5_000);
            default -> "-".repeat(10_000) + "D";
        };
    }

    private static Expression.Row row() {
        Map<String, Double> values = new HashMap<>(ROW);
        return new Expression.Row() {
            @Override
            public double number(String column) {
                Double value = values.get(column);
                if (value == null) {
                    throw new RowValueException("column " + column + " is missing");
                }
                return value;
            }

            @Override
            public boolean has(String column) {
                return values.containsKey(column);
            }
        };
    }
}
