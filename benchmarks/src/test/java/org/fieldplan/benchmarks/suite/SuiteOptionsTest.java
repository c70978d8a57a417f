package org.fieldplan.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The suite's command line: which instances run, and the partition threshold of a threshold measurement. */
class SuiteOptionsTest {

    @Test
    void theDefaultRunLeavesTheOptInInstancesOutAndKeepsTheProductThreshold() {
        SuiteOptions options = SuiteOptions.parse();

        assertThat(options.instances()).contains(SuiteInstance.M, SuiteInstance.L)
                .doesNotContain(SuiteInstance.L_VOTES, SuiteInstance.XL, SuiteInstance.NH_CARPOOL_VOTES);
        assertThat(options.splitAbove()).isNull();
    }

    @Test
    void aThresholdMeasurementNamesItsInstancesAndTheThreshold() {
        SuiteOptions options = SuiteOptions.parse("--only", "CT_VOTES,L_VOTES", "--split-above", "10000");

        assertThat(options.instances()).containsExactly(SuiteInstance.CT_VOTES, SuiteInstance.L_VOTES);
        assertThat(options.splitAbove()).isEqualTo(10_000);
    }

    @Test
    void aThresholdThatIsNotAPositiveNumberIsRefused() {
        assertThatThrownBy(() -> SuiteOptions.parse("--split-above", "0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SuiteOptions.parse("--split-above", "many"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
