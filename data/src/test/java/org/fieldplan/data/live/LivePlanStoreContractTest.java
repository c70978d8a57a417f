package org.fieldplan.data.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.fieldplan.domain.Assignment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LivePlanStore} does: numbered versions per region, one append per number, locks and notes. */
abstract class LivePlanStoreContractTest {

    private static final Instant AT = Instant.parse("2026-10-31T12:00:00Z");

    private LivePlanStore store;
    private String region;

    abstract LivePlanStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
        region = "r-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private LiveVersion version(String jobId, List<Assignment> assignments) {
        return new LiveVersion(region, 0, region + jobId, "publish", "bootstrap-strategist", null, "published", AT,
                assignments);
    }

    @Test
    void versionsAreNumberedFromOneAndTheNewestIsLive() {
        // V2 rides with V1: a version keeps who rides with whom.
        List<Assignment> first = List.of(new Assignment("V1", "am", "P1", false), new Assignment("V2", "am", "P1",
                true, "V1"));
        assertThat(store.append(version("job-a", first), 0)).get().extracting(LiveVersion::number).isEqualTo(1);
        List<Assignment> second = List.of(new Assignment("V1", "am", "P2", false));
        assertThat(store.append(version("job-b", second), 1)).get().extracting(LiveVersion::number).isEqualTo(2);

        assertThat(store.latest(region)).get().satisfies(v -> {
            assertThat(v.number()).isEqualTo(2);
            assertThat(v.jobId()).isEqualTo(region + "job-b");
            assertThat(v.assignments()).containsExactlyElementsOf(second);
        });
        assertThat(store.version(region, 1)).get().extracting(LiveVersion::assignments).asList()
                .containsExactlyInAnyOrderElementsOf(first);
        assertThat(store.versions(region)).extracting(LiveVersion::number).containsExactly(1, 2);
        assertThat(store.regionOfJob(region + "job-a")).hasValue(region);
        assertThat(store.liveJobIds()).containsEntry(region, region + "job-b");
        assertThat(store.liveJobId(region)).hasValue(region + "job-b");
        assertThat(store.liveJobId("other-" + region)).isEmpty();
        assertThat(store.head(region)).get().satisfies(head -> {
            assertThat(head.number()).isEqualTo(2);
            assertThat(head.kind()).isEqualTo("publish");
            assertThat(head.assignments()).isEmpty();
        });
        assertThat(store.regionOfJob("job-x")).isEmpty();
        assertThat(store.latest("other-" + region)).isEmpty();
    }

    @Test
    void aStaleAppendIsRefused() {
        assertThat(store.append(version("job-a", List.of()), 0)).isPresent();
        assertThat(store.append(version("job-b", List.of()), 0)).as("made from no version, but 1 exists").isEmpty();
        assertThat(store.versions(region)).hasSize(1);
    }

    @Test
    void locksAndNotesAreKeptPerShift() {
        store.lock(new ShiftFact(region, "V1", "am", null, "org", "org-1", AT));
        store.lock(new ShiftFact(region, "V1", "am", null, "org2", "org-1", AT.plusSeconds(1)));
        store.lock(new ShiftFact(region, "V2", "pm", null, "org", "org-1", AT));
        assertThat(store.locks(region)).extracting(ShiftFact::shiftKey).containsExactlyInAnyOrder("V1@am", "V2@pm");
        assertThat(store.unlock(region, "V2", "pm")).isTrue();
        assertThat(store.unlock(region, "V2", "pm")).isFalse();
        assertThat(store.locks(region)).extracting(ShiftFact::actor).containsExactly("org2");

        store.note(new ShiftFact(region, "V1", "am", "bring flyers", "org", "org-1", AT));
        store.note(new ShiftFact(region, "V1", "am", "bring flyers in Spanish", "org", "org-1", AT));
        store.note(new ShiftFact(region, "V3", "am", "gate code 12", "org", null, AT));
        assertThat(store.notes(region)).extracting(ShiftFact::text)
                .containsExactlyInAnyOrder("bring flyers in Spanish", "gate code 12");
        store.note(new ShiftFact(region, "V3", "am", " ", "org", null, AT));
        assertThat(store.notes(region)).extracting(ShiftFact::shiftKey).containsExactly("V1@am");
        assertThat(store.locks(region)).extracting(ShiftFact::shiftKey).containsExactly("V1@am");
    }
}
