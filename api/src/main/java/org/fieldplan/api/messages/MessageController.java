package org.fieldplan.api.messages;

import java.util.List;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.security.AllowedRoles;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.Role;
import org.fieldplan.api.volunteers.VolunteerLinkController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Organizers send links, set contacts and read delivery status; volunteers opt out. */
@RestController
public class MessageController {

    /** A link e-mailed to the volunteer. */
    public record LinkByEmail(String volunteerId, String email) {
    }

    /** An opt-out an organizer records. */
    public record OptOut(String address) {
    }

    private static final int MAX_LIMIT = 5_000;

    private final JobService jobs;
    private final LinkSendOut linkSendOut;
    private final VolunteerMessages messages;
    private final MessageOutbox outbox;
    private final OptOuts optOuts;

    public MessageController(JobService jobs, LinkSendOut linkSendOut, VolunteerMessages messages,
            MessageOutbox outbox, OptOuts optOuts) {
        this.jobs = jobs;
        this.linkSendOut = linkSendOut;
        this.messages = messages;
        this.outbox = outbox;
        this.optOuts = optOuts;
    }

    /** Makes a new link and queues it by e-mail to the address given (kept as the volunteer's e-mail contact). */
    @PostMapping("/api/jobs/{jobId}/volunteer-links/emails")
    @AllowedRoles({Role.ORGANIZER, Role.STRATEGIST, Role.ADMIN})
    public LinkSendOut.Queued emailLink(@PathVariable String jobId, @RequestBody LinkByEmail request,
            Caller caller) {
        return linkSendOut.emailOne(jobs.get(jobId), request.volunteerId(), request.email(), caller,
                VolunteerLinkController.baseUrl());
    }

    /** Every volunteer of the turf (or of a day, or a slot) gets their link and shifts. */
    @PostMapping("/api/jobs/{jobId}/messages/links")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @AllowedRoles({Role.ORGANIZER, Role.STRATEGIST, Role.ADMIN})
    public LinkSendOut.Result sendLinks(@PathVariable String jobId, @RequestBody LinkSendOut.Request request,
            Caller caller) {
        return linkSendOut.sendAll(jobs.get(jobId), request, caller, VolunteerLinkController.baseUrl());
    }

    @PutMapping("/api/jobs/{jobId}/volunteers/{volunteerId}/contact")
    @AllowedRoles({Role.ORGANIZER, Role.STRATEGIST, Role.ADMIN})
    public ContactStore.Contact setContact(@PathVariable String jobId, @PathVariable String volunteerId,
            @RequestBody ContactStore.Contact contact, Caller caller) {
        return messages.setContact(jobs.get(jobId), volunteerId, contact, caller);
    }

    /** The job's messages, newest first: an organizer's own volunteers' only. */
    @GetMapping("/api/jobs/{jobId}/messages")
    @AllowedRoles({Role.ORGANIZER, Role.STRATEGIST, Role.ADMIN})
    public List<MessageView> list(@PathVariable String jobId, @RequestParam(defaultValue = "500") int limit,
            Caller caller) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        String jobIdChecked = jobs.get(jobId).getId();
        return outbox.forJob(jobIdChecked, caller.isOrganizer() ? caller.organizerId() : null, limit).stream()
                .map(MessageView::of).toList();
    }

    @PostMapping("/api/messages/opt-outs")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @AllowedRoles({Role.ORGANIZER, Role.STRATEGIST, Role.ADMIN})
    public void optOut(@RequestBody OptOut request) {
        optOuts.record(request.address());
    }

    /** The unsubscribe link opened in a browser: a button, so that a mail scanner following links unsubscribes nobody. */
    @GetMapping(value = "/api/messages/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    public String unsubscribePage() {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width\"><title>Unsubscribe</title></head><body><form method=\"post\">"
                + "<p>No more messages from the campaign to this address?</p><button type=\"submit\">Unsubscribe"
                + "</button></form></body></html>";
    }

    /** One-click unsubscribe (RFC 8058: mail clients POST to the List-Unsubscribe address). */
    @PostMapping(value = "/api/messages/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    public String unsubscribe(@RequestParam(required = false) String address,
            @RequestParam(required = false) String sig) {
        optOuts.unsubscribe(address, sig);
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unsubscribed</title></head>"
                + "<body><p>Done: this address gets no more messages from the campaign.</p></body></html>";
    }

    /** The SMS provider's call with a volunteer's reply; STOP (and the usual synonyms) opts the number out. */
    @PostMapping(value = "/api/messages/sms/inbound/{secret}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_XML_VALUE)
    public String inboundSms(@PathVariable String secret, @RequestParam(name = "From", required = false) String from,
            @RequestParam(name = "Body", required = false) String body) {
        optOuts.inboundSms(secret, from, body);
        return "<Response/>";
    }
}
