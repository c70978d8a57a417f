package org.fieldplan.api.messages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.live.LivePlanChanged;
import org.fieldplan.api.replan.ReplanResult;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.fieldplan.api.volunteers.VolunteerLinkService;
import org.fieldplan.data.live.LiveDiff;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Precinct;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.Volunteer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Tells volunteers when a repair, an organizer's action on the live plan (move, swap, assign, unassign, restore,
 * undo) or a re-publish of the live plan added, moved or cancelled their shifts: one message per person per change
 * batch (a repair's result, a live plan version), with their shifts as they are now; never to the volunteer whose own
 * news caused the batch (who cancelled, declined, reported, or offered time), and only to volunteers with a stored
 * contact.
 */
@Service
public class ChangeNotices {

    static final String KIND = "CHANGE";
    /**
     * Live plan versions whose changes come from a repair: the repair announces them itself ({@code ReplanService}),
     * so the version recording it must not announce them a second time.
     */
    private static final Set<String> ANNOUNCED_BY_REPAIR = Set.of("field-news", "volunteer", "repair", "staging");
    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotices.class);
    /** Links for notices are issued by the service itself, recorded as such. */
    private static final Caller SYSTEM = new Caller(Role.ADMIN, null, "system:change-notices", null, null);

    private final VolunteerMessages messages;
    private final VolunteerLinkService links;
    private final PublicAddress publicAddress;

    public ChangeNotices(VolunteerMessages messages, VolunteerLinkService links, PublicAddress publicAddress) {
        this.messages = messages;
        this.links = links;
        this.publicAddress = publicAddress;
    }

    /**
     * @param after the plan with the changes
     * @param batch the repair's result: its changes, and when it was applied (part of each notice's key)
     * @param causedBy the volunteers whose news it was; they get no notice of it
     * @return how many notices were queued
     */
    public int planChanged(Job job, FieldPlan after, ReplanResult batch, Set<String> causedBy) {
        return announce(job, after, batch.changes(), Long.toString(batch.appliedAt().toEpochMilli()), causedBy);
    }

    /**
     * A new live plan version made by an organizer or strategist (an action, a restore, an undo, a re-publish): the
     * volunteers whose shifts it changed are told. The region's first publish is not a change: links go out for it.
     */
    @EventListener
    public void livePlanChanged(LivePlanChanged event) {
        if (event.previous() == null || ANNOUNCED_BY_REPAIR.contains(event.version().kind())) {
            return;
        }
        LiveDiff diff = event.diff();
        List<ReplanResult.Change> changes = new ArrayList<>();
        for (List<LiveDiff.Change> part : List.of(diff.added(), diff.removed(), diff.moved())) {
            part.forEach(c -> changes.add(new ReplanResult.Change(c.volunteerId(), c.slotId(), c.fromPrecinctId(),
                    c.toPrecinctId())));
        }
        String actor = event.version().actor();
        Set<String> causedBy = actor.startsWith("volunteer:") ? Set.of(actor.substring("volunteer:".length()))
                : Set.of();
        Job job = event.job();
        announce(job, job.requireBestPlan(), changes, "live-" + event.version().regionId() + "-v"
                + event.version().number(), causedBy);
    }

    private int announce(Job job, FieldPlan after, List<ReplanResult.Change> changes, String batchId,
            Set<String> causedBy) {
        try {
            return enqueue(job, after, changes, batchId, causedBy);
        } catch (RuntimeException e) {
            // The repair stands whatever happens to its notices; the organizer's sheet shows the new plan.
            LOG.warn("Change notices of job {} could not be queued", job.getId(), e);
            return 0;
        }
    }

    private int enqueue(Job job, FieldPlan after, List<ReplanResult.Change> changes, String batchId,
            Set<String> causedBy) {
        Map<String, List<ReplanResult.Change>> byVolunteer = changes.stream()
                .filter(c -> !causedBy.contains(c.volunteerId()))
                .collect(Collectors.groupingBy(ReplanResult.Change::volunteerId, LinkedHashMap::new,
                        Collectors.toList()));
        if (byVolunteer.isEmpty()) {
            return 0;
        }
        Map<String, ContactStore.Contact> contacts = messages.contacts(job, byVolunteer.keySet());
        Map<String, Volunteer> volunteers = after.getVolunteers().stream()
                .filter(v -> contacts.containsKey(v.getId()))
                .collect(Collectors.toMap(Volunteer::getId, Function.identity()));
        if (volunteers.isEmpty()) {
            return 0;
        }
        Map<String, TimeSlot> slots = after.getTimeSlots().stream()
                .collect(Collectors.toMap(TimeSlot::getId, Function.identity()));
        Map<String, String> precinctNames = after.getPrecincts().stream()
                .collect(Collectors.toMap(Precinct::getId, Precinct::getName));
        Map<String, VolunteerLinkService.IssuedLink> current = links.current(job, volunteers.values(), SYSTEM,
                publicAddress.base());
        Map<String, MessageContent.Recipient> recipients = messages.recipients(job, after, volunteers.values(),
                current);
        int queued = 0;
        for (Volunteer volunteer : volunteers.values()) {
            var to = VolunteerMessages.address(contacts.get(volunteer.getId()), null);
            if (to.isEmpty()) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            for (ReplanResult.Change c : byVolunteer.get(volunteer.getId())) {
                TimeSlot slot = slots.get(c.slotId());
                if (slot == null) {
                    continue; // a slot a re-published plan no longer has: the shifts now say what there is
                }
                if (!Objects.equals(c.fromPrecinctId(), c.toPrecinctId())) {
                    lines.add(MessageContent.changeLine(slot.getStart(), slot.getEnd(),
                            c.fromPrecinctId() == null ? null : precinctNames.get(c.fromPrecinctId()),
                            c.toPrecinctId() == null ? null : precinctNames.get(c.toPrecinctId())));
                }
                if (c.toPrecinctId() != null && !Objects.equals(c.fromRideWith(), c.toRideWith())) {
                    lines.add(MessageContent.rideLine(slot.getStart(), slot.getEnd(),
                            precinctNames.get(c.toPrecinctId()), firstName(after, c.toRideWith())));
                }
            }
            // The same batch enqueued twice is one message: the key is the batch (its time or version) and content.
            String key = "change:" + job.getId() + ":" + volunteer.getId() + ":" + batchId + ":" + digest(lines);
            if (messages.enqueue(key, job, after, volunteer, to.get(), KIND,
                    MessageContent.change(recipients.get(volunteer.getId()), lines))) {
                queued++;
            }
        }
        return queued;
    }

    /** The driver's first name (what riders see of each other), or null for no driver. */
    private static String firstName(FieldPlan plan, String volunteerId) {
        return volunteerId == null ? null : plan.getVolunteers().stream()
                .filter(v -> v.getId().equals(volunteerId)).findFirst()
                .map(v -> v.getName().strip().split("\\s+")[0]).orElse(volunteerId);
    }

    private static String digest(List<String> lines) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
