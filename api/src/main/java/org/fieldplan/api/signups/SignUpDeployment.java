package org.fieldplan.api.signups;

import java.util.List;

import org.fieldplan.domain.DeploymentOffer;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.validation.ValidationError;

/**
 * The sign-up form's optional deployment day, checked against what the volunteer picked: a day they offered slots on,
 * a longer limit than their everyday one, and a length they can give that day.
 */
final class SignUpDeployment {

    private SignUpDeployment() {
    }

    /** The offer, or null when none was made or it has errors (added to {@code errors}, each naming its field). */
    static DeploymentOffer check(SignUpRequests.Deployment given, FieldPlan plan, List<String> slotIds,
            Integer everydayMinutes, List<ValidationError> errors) {
        if (given == null || given.date() == null && given.maxTravelMinutes() == null && given.minSlots() == null) {
            return null;
        }
        int before = errors.size();
        long slotsThatDay = given.date() == null ? 0 : plan.getTimeSlots().stream()
                .filter(slot -> slotIds.contains(slot.getId()) && slot.getDay().equals(given.date()))
                .map(TimeSlot::getId).count();
        if (given.date() == null) {
            errors.add(new ValidationError("deployment.date", "is required: the day of the longer trip"));
        } else if (slotsThatDay == 0) {
            errors.add(new ValidationError("deployment.date", "pick slots on " + given.date()
                    + " to offer a deployment day then"));
        }
        Integer minutes = given.maxTravelMinutes();
        int floor = everydayMinutes == null ? 1 : everydayMinutes + 1;
        if (minutes == null || minutes < floor || minutes > SignUpForm.MAX_TRAVEL_MINUTES) {
            errors.add(new ValidationError("deployment.maxTravelMinutes", "is required: " + floor + " to "
                    + SignUpForm.MAX_TRAVEL_MINUTES + " minutes one way, longer than your everyday limit"));
        }
        Integer minSlots = given.minSlots();
        if (minSlots == null || minSlots < 1 || given.date() != null && slotsThatDay > 0 && minSlots > slotsThatDay) {
            errors.add(new ValidationError("deployment.minSlots", "is required: 1 to "
                    + Math.max(1, slotsThatDay) + ", the slots you picked that day"));
        }
        return errors.size() > before ? null : new DeploymentOffer(given.date(), minutes, minSlots);
    }
}
