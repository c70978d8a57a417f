package org.fieldplan.api.replan;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a cancellation or field report did to a job's plan.
 *
 * @param mode {@code REPAIRED}: a repair solve ran from the previous plan and finished, breaking no more hard rules
 *     than the plan did before; {@code REPAIRED_WITH_BREAKS}: it finished, but the plan now breaks more hard rules than
 *     before, because the news left something no repair may change (e.g. a canvasser whose shift has started is left
 *     alone): {@code brokenRules} names them; {@code RUNNING_SOLVE}: the change went into the solve in progress, which
 *     goes on (read the job for its plan); {@code REPAIR_QUEUED}: the news is stored and its repair waits in the repair
 *     lane behind others, to be applied by {@code appliedAt}; {@code DUPLICATE}: the same news was already taken (and
 *     applied or queued): nothing new is done, {@code effects} says what was
 * @param appliedAt when the change was applied, or (queued) by when it will be at the latest
 * @param effects the direct effects, e.g. "removed V00017's shift on 2026-10-31-am (was P0412)"
 * @param changes every assignment that differs between the plan before and the repaired plan (empty while the
 *     change went into a running solve)
 * @param brokenRules with {@code REPAIRED_WITH_BREAKS}, every hard rule the repaired plan breaks, in words; else empty
 */
public record ReplanResult(String jobId, String mode, Instant appliedAt, List<String> effects, List<Change> changes,
        String scoreBefore, String scoreAfter, Double expectedNetVotesBefore, Double expectedNetVotesAfter,
        List<String> brokenRules) {

    /** An answer that breaks no hard rule it did not find. */
    public ReplanResult(String jobId, String mode, Instant appliedAt, List<String> effects, List<Change> changes,
            String scoreBefore, String scoreAfter, Double expectedNetVotesBefore, Double expectedNetVotesAfter) {
        this(jobId, mode, appliedAt, effects, changes, scoreBefore, scoreAfter, expectedNetVotesBefore,
                expectedNetVotesAfter, List.of());
    }

    /**
     * One volunteer-slot whose precinct or ride changed; a null precinct stands for "not sent out". The driver they
     * ride with before and after ({@code fromRideWith}, {@code toRideWith}) is given when either is someone; left out
     * of JSON when they travel on their own both times.
     */
    public record Change(String volunteerId, String slotId, String fromPrecinctId, String toPrecinctId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String fromRideWith,
            @JsonInclude(JsonInclude.Include.NON_NULL) String toRideWith) {

        /** A change of precinct travelled alone before and after. */
        public Change(String volunteerId, String slotId, String fromPrecinctId, String toPrecinctId) {
            this(volunteerId, slotId, fromPrecinctId, toPrecinctId, null, null);
        }
    }
}
