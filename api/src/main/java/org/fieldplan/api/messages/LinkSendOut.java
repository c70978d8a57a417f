package org.fieldplan.api.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fieldplan.api.accounts.Secrets;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.volunteers.VolunteerLinkService;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Shift;
import org.fieldplan.domain.Volunteer;
import org.springframework.stereotype.Service;

/**
 * Volunteers' links with their shifts, through the outbox: one volunteer's to an address the organizer gives, or every
 * volunteer of a turf, a day or a slot at once, each to the contact stored for them.
 */
@Service
public class LinkSendOut {

    /** One link queued for e-mail. */
    public record Queued(String linkId, String volunteerId, String sentTo, Instant expiresAt, String messageKey,
            String status) {
    }

    /**
     * Who gets their link: the caller's turf (an organizer's own; {@code organizerId} for others), narrowed to who has
     * a shift on {@code date} or in {@code slotId}.
     *
     * @param channel EMAIL or SMS; null: e-mail where there is an address, else SMS
     * @param sendOutId makes the send-out idempotent: sending again with the same id queues nothing new
     */
    public record Request(String organizerId, LocalDate date, String slotId, Channel channel, String sendOutId) {
    }

    /** What a send-out queued. */
    public record Result(String sendOutId, int volunteers, int queued, int alreadyQueued,
            List<String> withoutContact) {
    }

    static final String KIND = "LINK";

    private final VolunteerLinkService links;
    private final VolunteerMessages messages;
    private final EmailChannel email;

    public LinkSendOut(VolunteerLinkService links, VolunteerMessages messages, EmailChannel email) {
        this.links = links;
        this.messages = messages;
        this.email = email;
    }

    /** A new link for one volunteer, e-mailed to the address given (and kept as their e-mail contact). */
    public Queued emailOne(Job job, String volunteerId, String address, Caller caller, String baseUrl) {
        if (address == null || address.isBlank()) {
            throw ApiException.invalid("email", "is required");
        }
        String checked = Addresses.email("email", address);
        Volunteer volunteer = VolunteerLinkService.visibleVolunteer(job, volunteerId, caller);
        if (!email.isConfigured()) {
            throw ApiException.conflict("no SMTP server is configured (spring.mail.host): copy the link instead");
        }
        FieldPlan plan = job.requireBestPlan();
        VolunteerLinkService.IssuedLink link = links.issue(job, volunteerId, null, caller, baseUrl);
        var known = messages.contacts(job, List.of(volunteerId)).get(volunteerId);
        messages.putContact(job, volunteerId, new ContactStore.Contact(checked, known == null ? null : known.phone()));
        String key = "link:" + link.linkId();
        messages.enqueue(key, job, plan, volunteer, new VolunteerMessages.Address(Channel.EMAIL, checked), KIND,
                MessageContent.link(messages.recipients(job, plan, List.of(volunteer), Map.of(volunteerId, link))
                        .get(volunteerId)));
        return new Queued(link.linkId(), volunteerId, checked, link.expiresAt(), key, MessageStatus.QUEUED.name());
    }

    public Result sendAll(Job job, Request request, Caller caller, String baseUrl) {
        FieldPlan plan = job.requireBestPlan();
        String organizer = caller.isOrganizer() ? caller.organizerId() : request.organizerId();
        if (caller.isOrganizer() && request.organizerId() != null && !request.organizerId().equals(organizer)) {
            throw ApiException.forbidden("an organizer sends to their own volunteers only (" + organizer + ")");
        }
        if (request.slotId() != null && plan.getTimeSlots().stream()
                .noneMatch(slot -> slot.getId().equals(request.slotId()))) {
            throw ApiException.invalid("slotId", "no time slot \"" + request.slotId() + "\" in this job");
        }
        boolean narrowed = request.date() != null || request.slotId() != null;
        Set<String> withShift = plan.getShifts().stream().filter(s -> s.getPrecinct() != null)
                .filter(s -> request.date() == null || s.getSlot().getDay().equals(request.date()))
                .filter(s -> request.slotId() == null || s.getSlot().getId().equals(request.slotId()))
                .map(Shift::getVolunteer).map(Volunteer::getId).collect(Collectors.toSet());
        Map<String, Volunteer> chosen = new LinkedHashMap<>();
        plan.getVolunteers().stream().filter(caller::maySee)
                .filter(v -> organizer == null || organizer.equals(v.getOrganizerId()))
                .filter(v -> !narrowed || withShift.contains(v.getId()))
                .forEach(v -> chosen.put(v.getId(), v));
        if (request.sendOutId() != null && !request.sendOutId().matches("[A-Za-z0-9_-]{1,64}")) {
            throw ApiException.invalid("sendOutId", "must be 1 to 64 letters, digits, - or _");
        }
        String sendOutId = request.sendOutId() == null ? Secrets.random(8) : request.sendOutId();
        Map<String, ContactStore.Contact> contacts = messages.contacts(job, chosen.keySet());
        Map<String, Volunteer> reachable = new LinkedHashMap<>();
        List<String> withoutContact = new ArrayList<>();
        Map<String, VolunteerMessages.Address> addresses = new LinkedHashMap<>();
        chosen.values().forEach(v -> VolunteerMessages.address(contacts.get(v.getId()), request.channel())
                .ifPresentOrElse(to -> {
                    reachable.put(v.getId(), v);
                    addresses.put(v.getId(), to);
                }, () -> withoutContact.add(v.getId())));
        Map<String, VolunteerLinkService.IssuedLink> current = links.current(job, reachable.values(), caller,
                baseUrl);
        Map<String, MessageContent.Recipient> recipients = messages.recipients(job, plan, reachable.values(),
                current);
        List<OutboundMessage> letters = new ArrayList<>();
        for (Volunteer v : reachable.values()) {
            String key = "links:" + job.getId() + ":" + sendOutId + ":" + v.getId();
            letters.add(VolunteerMessages.message(key, job, plan, v, addresses.get(v.getId()), KIND,
                    MessageContent.link(recipients.get(v.getId()))));
        }
        int queued = messages.enqueueAll(letters);
        return new Result(sendOutId, chosen.size(), queued, reachable.size() - queued, withoutContact);
    }
}
