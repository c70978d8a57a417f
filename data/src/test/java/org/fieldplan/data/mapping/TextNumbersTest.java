package org.fieldplan.data.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class TextNumbersTest {

    @Test
    void separatorsAndPercentagesAreReadAndCountedPerColumn() {
        TextNumbers numbers = new TextNumbers(Set.of("voted"));

        assertThat(numbers.parse("registered", " 12,345.5 ")).isEqualTo(12345.5);
        assertThat(numbers.parse("turnout", "7 %")).isEqualTo(0.07);
        assertThat(numbers.parse("turnout", "1,000%")).isEqualTo(10.0);
        assertThat(numbers.parse("voted", "597")).isEqualTo(597);
        assertThat(numbers.parse("VAP", "597.0")).isEqualTo(597);

        assertThat(numbers.warnings()).containsExactly(
                "column registered: 1 numbers with thousands separators read (\"1,042\" is 1042)",
                "column turnout: 2 percentages read as fractions (\"60.27%\" is 0.6027)",
                "column VAP: 1 values were text (e.g. \"597.0\") and were read as numbers");
    }

    @Test
    void aCommaThatIsNoThousandsSeparatorIsNotANumber() {
        TextNumbers numbers = new TextNumbers(Set.of());

        assertThatThrownBy(() -> numbers.parse("registered", "1,04")).isInstanceOf(RowValueException.class)
                .hasMessage("column registered must be a number, was \"1,04\"");
        assertThatThrownBy(() -> numbers.parse("turnout", "%")).hasMessageContaining("column turnout");
    }
}
