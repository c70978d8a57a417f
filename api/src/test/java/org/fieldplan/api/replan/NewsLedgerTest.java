package org.fieldplan.api.replan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NewsLedgerTest {

    private final NewsLedger ledger = new NewsLedger();

    @Test
    void theSameNewsIsTakenOnceAndRefusedNewsCanBeSentAgain() {
        assertThat(ledger.take("job-1", "cancel:V1@am", "x")).isTrue();
        assertThat(ledger.take("job-1", "cancel:V1@am", "x")).isFalse();
        assertThat(ledger.take("job-2", "cancel:V1@am", "x")).as("another job's news").isTrue();
        assertThat(ledger.take("job-1", "cancel:V1@am", "y")).as("other content under the key").isTrue();

        ledger.forget("job-1", "cancel:V1@am", "y");
        assertThat(ledger.has("job-1", "cancel:V1@am", "y")).isFalse();
        assertThat(ledger.take("job-1", "cancel:V1@am", "y")).isTrue();
    }

    @Test
    void onlyTheJobsThatTookNewsMostRecentlyAreRemembered() {
        ledger.take("oldest", "k", "v");
        ledger.take("busy", "k", "v");
        for (int i = 0; i < NewsLedger.JOBS_REMEMBERED - 2; i++) {
            ledger.take("job-" + i, "k", "v");
        }
        ledger.take("busy", "k2", "v");
        ledger.take("newest", "k", "v");

        assertThat(ledger.has("oldest", "k", "v")).as("evicted: the least recent of %d+1 jobs",
                NewsLedger.JOBS_REMEMBERED).isFalse();
        assertThat(ledger.has("busy", "k", "v")).as("kept: took news again lately").isTrue();
        assertThat(ledger.has("newest", "k", "v")).isTrue();
    }
}
