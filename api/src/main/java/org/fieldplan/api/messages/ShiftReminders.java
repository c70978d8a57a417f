package org.fieldplan.api.messages;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fieldplan.api.config.PlanClock;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.live.LivePlans;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.fieldplan.api.volunteers.VolunteerLinkService;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reminders of shifts on each region's live plan: the day before (from {@code day-before-at}, local time) and
 * {@code before} a shift starts. Each scan reads the live plan as it is now, so a cancelled shift gets no reminder and
 * a moved one is reminded where and when it now is; the message key is per volunteer, shift and kind, so scanning
 * again (on this or another instance, after a restart) queues nothing twice. {@link ReminderScheduling} runs the
 * scan once across instances.
 */
@Service
public class ShiftReminders {

    /** Which reminder: its message kind. */
    enum Kind {
        REMINDER_DAY_BEFORE, REMINDER_BEFORE_SHIFT
    }

    private static final Logger LOG = LoggerFactory.getLogger(ShiftReminders.class);
    /** Links in reminders are issued by the service itself, recorded as such. */
    private static final Caller SYSTEM = new Caller(Role.ADMIN, null, "system:reminders", null, null);

    private record Due(Shift shift, Kind kind, String key) {
    }

    private final LivePlans live;
    private final VolunteerMessages messages;
    private final MessageOutbox outbox;
    private final VolunteerLinkService links;
    private final PublicAddress publicAddress;
    private final PlanClock clock;
    private final MessageProperties.Reminders settings;

    public ShiftReminders(LivePlans live, VolunteerMessages messages, MessageOutbox outbox,
            VolunteerLinkService links, PublicAddress publicAddress, PlanClock clock, MessageProperties properties) {
        this.live = live;
        this.messages = messages;
        this.outbox = outbox;
        this.links = links;
        this.publicAddress = publicAddress;
        this.clock = clock;
        this.settings = properties.reminders();
    }

    /** Queues every reminder due now on every live plan. @return how many were queued */
    public int remindDue() {
        if (!settings.enabled()) {
            return 0;
        }
        int queued = 0;
        for (String region : live.regions()) {
            try {
                queued += remindDue(region);
            } catch (RuntimeException e) {
                // One region's trouble (e.g. its job gone) must not keep the others' volunteers unreminded.
                LOG.warn("Reminders of region {} could not be queued", region, e);
            }
        }
        return queued;
    }

    private int remindDue(String regionId) {
        Job job = live.current(regionId).job();
        FieldPlan plan = job.getBestPlan();
        if (plan == null) {
            return 0;
        }
        LocalDateTime now = clock.now(plan);
        List<Due> due = new ArrayList<>();
        for (Shift shift : plan.getShifts()) {
            Kind kind = shift.getPrecinct() == null ? null : dueKind(shift.getSlot().getStart(), now);
            if (kind != null) {
                String key = "reminder:" + regionId + ":" + shift.getVolunteer().getId() + ":"
                        + shift.getSlot().getId() + ":" + kind;
                if (outbox.find(key).isEmpty()) {
                    due.add(new Due(shift, kind, key));
                }
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, ContactStore.Contact> contacts = messages.contacts(job,
                due.stream().map(d -> d.shift().getVolunteer().getId()).distinct().toList());
        Map<String, Volunteer> reachable = due.stream().map(d -> d.shift().getVolunteer())
                .filter(v -> contacts.containsKey(v.getId()))
                .collect(Collectors.toMap(Volunteer::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        if (reachable.isEmpty()) {
            return 0;
        }
        Map<String, VolunteerLinkService.IssuedLink> current = links.current(job, reachable.values(), SYSTEM,
                publicAddress.base());
        Map<String, MessageContent.Recipient> recipients = messages.recipients(job, plan, reachable.values(),
                current);
        int queued = 0;
        for (Due d : due) {
            Volunteer volunteer = reachable.get(d.shift().getVolunteer().getId());
            var to = volunteer == null ? null : VolunteerMessages.address(contacts.get(volunteer.getId()), null)
                    .orElse(null);
            if (to == null) {
                continue;
            }
            MessageContent.Recipient recipient = recipients.get(volunteer.getId()).only(d.shift().getSlot().getId());
            if (messages.enqueue(d.key(), job, plan, volunteer, to, d.kind().name(),
                    MessageContent.reminder(recipient, d.kind() == Kind.REMINDER_DAY_BEFORE))) {
                queued++;
            }
        }
        return queued;
    }

    /**
     * The reminder due now for a shift starting at {@code start}: the one shortly before it once its lead time has
     * come, else the day-before one from its time on the day before; none once the shift has started.
     */
    Kind dueKind(LocalDateTime start, LocalDateTime now) {
        if (!now.isBefore(start)) {
            return null;
        }
        if (!settings.before().isZero() && !now.isBefore(start.minus(settings.before()))) {
            return Kind.REMINDER_BEFORE_SHIFT;
        }
        if (settings.dayBeforeAt() != null && now.toLocalDate().equals(start.toLocalDate().minusDays(1))
                && !now.toLocalTime().isBefore(settings.dayBeforeAt())) {
            return Kind.REMINDER_DAY_BEFORE;
        }
        return null;
    }
}
