package org.fieldplan.mapping;

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
