package org.fieldplan.api.volunteers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.fieldplan.api.accounts.Secrets;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.CredentialAuthenticator;
import org.fieldplan.domain.Volunteer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Volunteers' personal links: organizers make them for their own volunteers (and revoke them); a link's token, sent in
 * the {@value #HEADER} header, authenticates as that one volunteer of that one job (of a region's live plan, whichever
 * job serves it: {@link LinkJobs}) until it expires or is revoked.
 */
@Service
@Order(2)
public class VolunteerLinkService implements CredentialAuthenticator {

    /** The header the volunteer page sends the token in (never a query parameter, so it stays out of logs). */
    public static final String HEADER = "X-Volunteer-Token";

    /** A link as handed out: the stored link, its token and the page address with the token in its fragment. */
    public record IssuedLink(String linkId, String volunteerId, Instant expiresAt, String token, String url) {
    }

    private final VolunteerLinkStore store;
    private final LinkTokens tokens;
    private final Clock clock;
    private final LinkProperties properties;
    private final LinkJobs linkJobs;

    public VolunteerLinkService(VolunteerLinkStore store, LinkTokens tokens, Clock clock, LinkProperties properties,
            LinkJobs linkJobs) {
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
        this.properties = properties;
        this.linkJobs = linkJobs;
    }

    @Override
    public String header() {
        return HEADER;
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        Instant now = clock.instant();
        return tokens.linkId(token).flatMap(store::find)
                .filter(link -> tokens.matches(token, link) && link.worksAt(now))
                .map(link -> Caller.volunteer(link.volunteerId(), link.organizerId(),
                        linkJobs.currentJob(link.jobId())));
    }

    /**
     * A new link for one of the caller's volunteers.
     *
     * @param expiresAt null for the default validity
     * @param baseUrl the service's address as the caller reached it (used unless {@code fieldplan.links.base-url})
     */
    public IssuedLink issue(Job job, String volunteerId, Instant expiresAt, Caller caller, String baseUrl) {
        Volunteer volunteer = visibleVolunteer(job, volunteerId, caller);
        Instant now = clock.instant();
        Instant expiry = expiresAt == null ? now.plus(Duration.ofDays(properties.validDays())) : expiresAt;
        if (!expiry.isAfter(now) || expiry.isAfter(now.plus(Duration.ofDays(properties.maxValidDays())))) {
            throw ApiException.invalid("expiresAt", "must be in the future and at most " + properties.maxValidDays()
                    + " days away, was " + expiry);
        }
        VolunteerLink link = new VolunteerLink(Secrets.random(16), job.getId(), volunteer.getId(),
                volunteer.getOrganizerId(), expiry, null, now, caller.actor());
        store.insert(link);
        return issued(link, baseUrl);
    }

    /** The volunteer's name, for greeting them. */
    public String volunteerName(Job job, String volunteerId, Caller caller) {
        return visibleVolunteer(job, volunteerId, caller).getName();
    }

    /**
     * Each volunteer's newest working link by volunteer id, issuing one with the default validity where there is none
     * (for the organizer's sheet); one store read for the whole job.
     */
    public Map<String, IssuedLink> current(Job job, Collection<Volunteer> volunteers, Caller caller,
            String baseUrl) {
        Map<String, VolunteerLink> working = store.workingByVolunteer(job.getId(), clock.instant());
        Map<String, IssuedLink> current = new HashMap<>();
        for (Volunteer volunteer : volunteers) {
            VolunteerLink link = working.get(volunteer.getId());
            current.put(volunteer.getId(), link != null ? issued(link, baseUrl)
                    : issue(job, volunteer.getId(), null, caller, baseUrl));
        }
        return current;
    }

    /** The link stops working at once. Organizers revoke their own volunteers' links only. */
    public void revoke(Job job, String linkId, Caller caller) {
        VolunteerLink link = store.find(linkId)
                .filter(l -> l.jobId().equals(job.getId()) || linkJobs.currentJob(l.jobId()).equals(job.getId()))
                .orElseThrow(() -> ApiException.notFound("volunteer link", linkId));
        if (caller.isOrganizer() && !caller.organizerId().equals(link.organizerId())) {
            throw ApiException.forbidden("the link belongs to another organizer's volunteer");
        }
        store.revoke(link.jobId(), linkId, clock.instant());
    }

    private IssuedLink issued(VolunteerLink link, String requestBaseUrl) {
        String token = tokens.tokenFor(link);
        String base = properties.baseUrl() == null || properties.baseUrl().isBlank() ? requestBaseUrl
                : properties.baseUrl();
        // A link of a live plan names its region, so that it opens whichever plan is live there.
        String plan = linkJobs.regionOf(link.jobId()).map(region -> "region=" + region)
                .orElse("job=" + link.jobId());
        String url = base.replaceAll("/+$", "") + "/volunteer.html#" + plan + "&token=" + token;
        return new IssuedLink(link.id(), link.volunteerId(), link.expiresAt(), token, url);
    }

    /** The job's volunteer, if the caller may see them. @throws ApiException 400 unknown, 403 another organizer's */
    public static Volunteer visibleVolunteer(Job job, String volunteerId, Caller caller) {
        if (volunteerId == null || volunteerId.isBlank()) {
            throw ApiException.invalid("volunteerId", "is required");
        }
        Volunteer volunteer = job.requireBestPlan().getVolunteers().stream()
                .filter(v -> v.getId().equals(volunteerId)).findFirst()
                .orElseThrow(() -> ApiException.invalid("volunteerId", "no volunteer \"" + volunteerId
                        + "\" in this job"));
        if (!caller.maySee(volunteer)) {
            throw ApiException.forbidden("volunteer " + volunteerId + " belongs to another organizer");
        }
        return volunteer;
    }
}
