package org.fieldplan.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A volunteer's offer of a longer trip for a longer day ("on Saturday I'll drive up to 90 minutes for a whole day").
 * On {@code date} they may be sent as far as {@code maxTravelMinutes} one way; a shift beyond their everyday limit is
 * a <em>deployed</em> shift, and a deployment must last at least {@code minSlots} consecutive slots at the same
 * precinct, so the long trip is made once for a long day.
 */
public record DeploymentOffer(LocalDate date, int maxTravelMinutes, int minSlots) {

    /** Slots count as consecutive when the next starts at most this long after the previous ends (a lunch break). */
    public static final Duration MAX_BREAK = Duration.ofHours(1);

    public DeploymentOffer {
        Objects.requireNonNull(date, "date");
    }

    /** The most slots of {@code slots} that follow each other with breaks of at most {@link #MAX_BREAK}. */
    public static int longestConsecutiveRun(Collection<TimeSlot> slots) {
        List<TimeSlot> ordered = slots.stream().distinct().sorted(Comparator.comparing(TimeSlot::getStart)).toList();
        int longest = 0;
        int run = 0;
        TimeSlot previous = null;
        for (TimeSlot slot : ordered) {
            boolean follows = previous != null
                    && !slot.getStart().isAfter(previous.getEnd().plus(MAX_BREAK));
            run = follows ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = slot;
        }
        return longest;
    }
}
