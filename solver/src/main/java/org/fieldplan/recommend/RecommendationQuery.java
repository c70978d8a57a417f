package org.fieldplan.recommend;

import java.time.LocalDateTime;
import java.util.Objects;

import org.fieldplan.domain.Volunteer;

/**
 * "I have Saturday 10–13, a car, 5 km: where should I go?"
 *
 * @param volunteer who asks: home, travel mode and limit, skills, languages, attendance probability; their
 *     availability is ignored in favour of {@code from}–{@code to}. May be a volunteer of the plan (then their own
 *     assignments count: no second shift in a slot they work, their shift limits hold) or someone not in it yet.
 * @param from start of the time they offer (slots must start at or after it)
 * @param to end of the time they offer (slots must end at or before it)
 * @param maxDistanceKm optional straight-line limit from home to the precinct, on top of the travel-time limit
 * @param now slots starting at or before this are over or under way and not recommended; null: none is
 * @param limit how many recommendations at most
 */
public record RecommendationQuery(Volunteer volunteer, LocalDateTime from, LocalDateTime to, Double maxDistanceKm,
        LocalDateTime now, int limit) {

    public RecommendationQuery {
        Objects.requireNonNull(volunteer, "volunteer");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to (" + to + ") must be after from (" + from + ")");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }
}
