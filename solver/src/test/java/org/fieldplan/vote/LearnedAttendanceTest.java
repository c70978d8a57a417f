package org.fieldplan.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearnedAttendanceTest {

    @Test
    void withoutHistoryThePriorStands() {
        assertThat(LearnedAttendance.posteriorMean(0.6, 4, 0, 0, 0)).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void eachShiftMovesTheEstimateAsTheBetaUpdateSays() {
        // alpha = 0.6*4 + 3 = 5.4, beta = 0.4*4 + 1 + 0.5*2 = 3.6
        assertThat(LearnedAttendance.posteriorMean(0.6, 4, 3, 1, 2)).isCloseTo(5.4 / 9.0, within(1e-12));
        assertThat(LearnedAttendance.posteriorMean(0.6, 4, 1, 0, 0)).isGreaterThan(0.6);
        assertThat(LearnedAttendance.posteriorMean(0.6, 4, 0, 1, 0)).isLessThan(0.6);
        assertThat(LearnedAttendance.posteriorMean(0.6, 4, 0, 0, 1))
                .as("a cancellation ahead weighs less than a no-show")
                .isGreaterThan(LearnedAttendance.posteriorMean(0.6, 4, 0, 1, 0));
    }

    @Test
    void longHistoryOutweighsThePrior() {
        assertThat(LearnedAttendance.posteriorMean(0.9, 4, 0, 40, 0)).isLessThan(0.1);
        assertThat(LearnedAttendance.posteriorMean(0.1, 4, 40, 0, 0)).isGreaterThan(0.9);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> LearnedAttendance.posteriorMean(1.2, 4, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LearnedAttendance.posteriorMean(0.5, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LearnedAttendance.posteriorMean(0.5, 4, -1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
