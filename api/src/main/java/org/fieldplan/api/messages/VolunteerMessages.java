package org.fieldplan.api.messages;

import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fieldplan.api.assignments.AssignmentService;
import org.fieldplan.api.assignments.VolunteerAssignment;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.volunteers.VolunteerLinkService;
import org.fieldplan.data.live.LivePlanStore;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Volunteer;
import org.springframework.stereotype.Service;

/**
 * What every kind of message to a volunteer needs: where they can be reached, what they see of the plan, and the
 * message put into the {@link MessageOutbox}. Producers (link send-outs, change notices, …) only choose the words
 * and the message key.
 */
@Service
public class VolunteerMessages {

    /** Where one volunteer is reached: a channel and its address. */
    public record Address(Channel channel, String recipient) {
    }

    private final MessageOutbox outbox;
    private final ContactStore contacts;
    private final AssignmentService assignments;
    private final MessageProperties properties;
    private final MessageSender sender;
    private final LivePlanStore livePlans;

    public VolunteerMessages(MessageOutbox outbox, ContactStore contacts, AssignmentService assignments,
            MessageProperties properties, MessageSender sender, LivePlanStore livePlans) {
        this.outbox = outbox;
        this.contacts = contacts;
        this.assignments = assignments;
        this.properties = properties;
        this.sender = sender;
        this.livePlans = livePlans;
    }

    /**
     * Contacts live with the region a job was built from or whose live plan it serves (so every plan of the region,
     * every re-publish included, reaches the same people), or with the job itself for an inline problem never live.
     */
    private String scope(Job job) {
        if (job.getSource() != null) {
            return "region:" + job.getSource().regionId();
        }
        return livePlans.regionOfJob(job.getId()).map(region -> "region:" + region).orElse("job:" + job.getId());
    }

    public Map<String, ContactStore.Contact> contacts(Job job, Collection<String> volunteerIds) {
        return contacts.find(scope(job), volunteerIds);
    }

    public void putContact(Job job, String volunteerId, ContactStore.Contact contact) {
        contacts.put(scope(job), volunteerId, contact);
    }

    /**
     * Sets where one of the caller's volunteers is reached (replacing what was stored).
     *
     * @throws ApiException 400 naming {@code email} or {@code phone}, 403 for another organizer's volunteer
     */
    public ContactStore.Contact setContact(Job job, String volunteerId, ContactStore.Contact given, Caller caller) {
        VolunteerLinkService.visibleVolunteer(job, volunteerId, caller);
        if (given == null || (blank(given.email()) && blank(given.phone()))) {
            throw ApiException.invalid("email", "an e-mail address or a phone number is required");
        }
        ContactStore.Contact checked = new ContactStore.Contact(
                blank(given.email()) ? null : Addresses.email("email", given.email()),
                blank(given.phone()) ? null : Addresses.phone("phone", given.phone()));
        putContact(job, volunteerId, checked);
        return checked;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The asked channel if the volunteer has that contact; with none asked, e-mail where there is one, else SMS. */
    public static Optional<Address> address(ContactStore.Contact contact, Channel asked) {
        if (contact == null) {
            return Optional.empty();
        }
        Optional<Address> email = Optional.ofNullable(contact.email()).filter(e -> !e.isBlank())
                .map(e -> new Address(Channel.EMAIL, e));
        Optional<Address> sms = Optional.ofNullable(contact.phone()).filter(p -> !p.isBlank())
                .map(p -> new Address(Channel.SMS, p));
        if (asked != null) {
            return asked == Channel.EMAIL ? email : sms;
        }
        return email.or(() -> sms);
    }

    /**
     * The volunteers as the words need them, each from their own view of {@code plan} (teammates' first names only),
     * read in one pass over the plan.
     *
     * @param links each volunteer's link, by volunteer id
     */
    public Map<String, MessageContent.Recipient> recipients(Job job, FieldPlan plan, Collection<Volunteer> volunteers,
            Map<String, VolunteerLinkService.IssuedLink> links) {
        Map<String, List<VolunteerAssignment>> own = assignments.ownShifts(job, plan, volunteers);
        ZoneId zone = ZoneId.of(plan.getTimeZone());
        Map<String, MessageContent.Recipient> recipients = new HashMap<>();
        for (Volunteer v : volunteers) {
            VolunteerLinkService.IssuedLink link = links.get(v.getId());
            recipients.put(v.getId(), new MessageContent.Recipient(v.getName(), zone,
                    own.getOrDefault(v.getId(), List.of()), properties.organizerContact(v.getOrganizerId()),
                    link.url(), link.expiresAt()));
        }
        return recipients;
    }

    /** Puts the message in the outbox (once per key) and wakes this instance's sender. @return whether it was new */
    public boolean enqueue(String key, Job job, FieldPlan plan, Volunteer volunteer, Address to, String kind,
            MessageContent.Letter letter) {
        return enqueueAll(List.of(message(key, job, plan, volunteer, to, kind, letter))) == 1;
    }

    /** The message the outbox keeps: the SMS text for a phone, text and HTML for an e-mail. */
    public static OutboundMessage message(String key, Job job, FieldPlan plan, Volunteer volunteer, Address to,
            String kind, MessageContent.Letter letter) {
        boolean sms = to.channel() == Channel.SMS;
        return new OutboundMessage(key, to.channel(), to.recipient(), job.getId(), volunteer.getId(),
                volunteer.getOrganizerId(), kind, letter.subject(), sms ? letter.sms() : letter.text(),
                sms ? null : letter.html(), plan.getTimeZone());
    }

    /** Puts the messages in the outbox at once (each once per key), then wakes the sender. @return how many were new */
    public int enqueueAll(List<OutboundMessage> messages) {
        int fresh = outbox.enqueueAll(messages);
        sender.wakeUp();
        return fresh;
    }
}
