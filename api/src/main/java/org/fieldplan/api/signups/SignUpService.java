package org.fieldplan.api.signups;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.fieldplan.api.accounts.Secrets;
import org.fieldplan.api.config.PlanClock;
import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.live.LivePlans;
import org.fieldplan.api.messages.Channel;
import org.fieldplan.api.messages.MessageOutbox;
import org.fieldplan.api.messages.MessageSender;
import org.fieldplan.api.messages.OutboundMessage;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.FailedCredentialStore;
import org.fieldplan.api.security.Role;
import org.fieldplan.api.volunteers.LinkProperties;
import org.fieldplan.api.volunteers.VolunteerLinkService;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TravelMode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Public sign-ups to a region's live plan: a new volunteer fills in the form, confirms their e-mail or phone with a
 * one-time code (by link or by hand), and {@link SignUpJoiner} adds them to the live plan in the next batch; the
 * confirmation then answers with their personal link. The same e-mail or phone in one region is one sign-up: signing up
 * again replaces the details (or, once joined, only sends a new code to get back to the personal page). Sign-ups and
 * wrong codes are counted per client address, sign-ups also per contact, in fixed windows in the same store as
 * failed credentials; beyond the budget the answer is 429 with {@code Retry-After}.
 */
@Service
public class SignUpService {

    /** What a public sign-up endpoint answers: never the details, only where it stands. */
    public record Receipt(String signUpId, SignUp.Status status, String codeSentBy, String volunteerLink,
            String note) {
    }

    /**
     * What the page offers: the calendar's slots still to come, and what it may ask.
     *
     * @param bounds the precincts' centroids' box: min lon, min lat, max lon, max lat
     * @param precincts each precinct's centroid, {@code [lon, lat]}: the landmarks of the page's map
     */
    public record FormOptions(String regionId, String timeZone, List<Slot> slots, List<String> skills,
            List<String> languages, List<String> travelModes, double[] bounds, List<double[]> precincts,
            int maxTravelMinutes) {
    }

    public record Slot(String id, String start, String end) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignUpStore store;
    private final LivePlans live;
    private final JobService jobs;
    private final PlanClock planClock;
    private final Clock clock;
    private final FailedCredentialStore counts;
    private final SignUpProperties properties;
    private final MessageOutbox outbox;
    private final MessageSender sender;
    private final VolunteerLinkService links;
    private final LinkProperties linkProperties;
    private final Map<String, Object> regionLocks = new ConcurrentHashMap<>();

    public SignUpService(SignUpStore store, LivePlans live, JobService jobs, PlanClock planClock, Clock clock,
            FailedCredentialStore counts, SignUpProperties properties, MessageOutbox outbox, MessageSender sender,
            VolunteerLinkService links, LinkProperties linkProperties) {
        this.store = store;
        this.live = live;
        this.jobs = jobs;
        this.planClock = planClock;
        this.clock = clock;
        this.counts = counts;
        this.properties = properties;
        this.outbox = outbox;
        this.sender = sender;
        this.links = links;
        this.linkProperties = linkProperties;
    }

    public FormOptions options(String regionId) {
        FieldPlan plan = liveJob(regionId).requireBestPlan();
        var now = planClock.now(plan);
        List<Slot> slots = plan.getTimeSlots().stream().filter(slot -> !PlanClock.hasStarted(slot, now))
                .map(slot -> new Slot(slot.getId(), slot.getStart().toString(), slot.getEnd().toString())).toList();
        List<String> languages = plan.getPrecincts().stream().flatMap(p -> p.getRequiredLanguages().stream())
                .distinct().sorted().toList();
        return new FormOptions(regionId, plan.getTimeZone(), slots,
                List.of(Skill.values()).stream().map(Enum::name).toList(), languages,
                List.of(TravelMode.values()).stream().map(Enum::name).toList(), SignUpForm.bounds(plan),
                plan.getPrecincts().stream().map(p -> new double[] {p.getCentroid().getX(), p.getCentroid().getY()})
                        .toList(), SignUpForm.MAX_TRAVEL_MINUTES);
    }

    /** A new sign-up, or the same contact's again (merged); the code leaves by e-mail, else SMS. */
    public Receipt submit(String regionId, SignUpRequests.Form request, String clientAddress, String baseUrl) {
        throttle("sign-up address " + clientAddress, properties.perAddress());
        Job job = liveJob(regionId);
        FieldPlan plan = job.requireBestPlan();
        SignUpForm form = SignUpForm.check(request, plan, planClock.now(plan));
        throttle("sign-up contact " + form.contact(), properties.perContact());
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        SignUp stored = inRegion(regionId, () -> merge(regionId, plan, form, code));
        Channel channel = stored.email() != null ? Channel.EMAIL : Channel.SMS;
        sendCode(job, stored, channel, code, plan.getTimeZone(), baseUrl);
        return new Receipt(stored.id(), stored.status(), channel.name(), null, null);
    }

    private SignUp merge(String regionId, FieldPlan plan, SignUpForm form, String code) {
        Optional<SignUp> byEmail = form.email() == null ? Optional.empty()
                : store.findByContact(regionId, form.email(), null);
        Optional<SignUp> byPhone = form.phone() == null ? Optional.empty()
                : store.findByContact(regionId, null, form.phone());
        if (byEmail.isPresent() && byPhone.isPresent() && !byEmail.get().id().equals(byPhone.get().id())) {
            throw ApiException.conflict("this e-mail and this phone belong to two different sign-ups: sign up with "
                    + "one of them");
        }
        Optional<SignUp> existing = byEmail.or(() -> byPhone);
        Instant now = clock.instant();
        if (existing.isPresent() && existing.get().status() == SignUp.Status.REJECTED) {
            throw ApiException.conflict("an organizer turned this sign-up down; ask the campaign");
        }
        SignUp signUp;
        if (existing.isPresent() && existing.get().status() == SignUp.Status.JOINED) {
            // Already in the plan: a new code only, to get back to the personal page; the plan keeps them as they are.
            SignUp joined = existing.get();
            signUp = new SignUp(joined.id(), regionId, joined.organizerId(), joined.name(), joined.email(),
                    joined.phone(), joined.lon(), joined.lat(), joined.travelMode(), joined.maxTravelMinutes(),
                    joined.skills(), joined.languages(), joined.slotIds(), SignUp.Status.JOINED,
                    codeHash(joined.id(), code), 0, joined.note(), joined.createdAt(), now, joined.deployment(),
                    joined.carpool());
        } else {
            String id = existing.map(SignUp::id).orElseGet(() -> "S-" + Secrets.random(9).replace('_', '-'));
            String organizer = form.organizerId() != null ? form.organizerId()
                    : SignUpForm.nearestOrganizer(plan, form.lon(), form.lat());
            signUp = new SignUp(id, regionId, organizer, form.name(), form.email(), form.phone(), form.lon(),
                    form.lat(), form.travelMode().name(), form.maxTravelMinutes(), form.skills(), form.languages(),
                    form.slotIds(), SignUp.Status.PENDING, codeHash(id, code), 0, null,
                    existing.map(SignUp::createdAt).orElse(now), now, form.deployment(), form.carpool());
        }
        try {
            store.save(signUp);
        } catch (DuplicateKeyException race) {
            // The same contact signed up on another instance at the same moment: theirs stands, this merges into it.
            return merge(regionId, plan, form, code);
        }
        return signUp;
    }

    /** Confirms the contact with the code; once joined, the answer carries the personal link. */
    public Receipt confirm(String regionId, String signUpId, SignUpRequests.Confirmation request,
            String clientAddress, String baseUrl) {
        if (request == null || request.code() == null || request.code().isBlank()) {
            throw ApiException.invalid("code", "is required: the 6 digits sent to you");
        }
        return inRegion(regionId, () -> {
            SignUp signUp = store.find(signUpId).filter(s -> s.regionId().equals(regionId))
                    .orElseThrow(() -> ApiException.notFound("sign-up", signUpId));
            if (signUp.status() == SignUp.Status.REJECTED || signUp.status() == SignUp.Status.LAPSED) {
                throw ApiException.conflict("this sign-up was " + signUp.status().name().toLowerCase()
                        + (signUp.note() == null ? "" : ": " + signUp.note()));
            }
            if (signUp.wrongCodes() >= properties.maxWrongCodes()) {
                throw ApiException.conflict("too many wrong codes: sign up again for a new one");
            }
            if (!MessageDigest.isEqual(codeHash(signUpId, request.code().strip()).getBytes(StandardCharsets.UTF_8),
                    signUp.codeHash().getBytes(StandardCharsets.UTF_8))) {
                store.save(signUp.withWrongCode(clock.instant()));
                // Only wrong codes count against the address: the page asks again and again while the sign-up joins.
                throttle("sign-up address " + clientAddress, properties.perAddress());
                throw ApiException.invalid("code", "is not the code sent to you");
            }
            if (signUp.status() == SignUp.Status.PENDING) {
                signUp = signUp.with(SignUp.Status.CONFIRMED, null, clock.instant());
                store.save(signUp);
            }
            Optional<String> link = signUp.status() == SignUp.Status.JOINED ? personalLink(signUp, baseUrl)
                    : Optional.empty();
            // Joined, but its repair still queued: the page asks again until the plan has them.
            SignUp.Status shown = signUp.status() == SignUp.Status.JOINED && link.isEmpty() ? SignUp.Status.CONFIRMED
                    : signUp.status();
            return new Receipt(signUp.id(), shown, null, link.orElse(null), null);
        });
    }

    /** The region's sign-ups an organizer sees (their turf), or all for a strategist or admin. */
    public List<SignUp> list(String regionId, Caller caller) {
        liveJob(regionId);
        return store.ofRegion(regionId, caller.isOrganizer() ? caller.organizerId() : null);
    }

    /** Turns a sign-up down before it joins: it never joins, and the same contact cannot sign up again. */
    public SignUp reject(String regionId, String signUpId, String reason, Caller caller) {
        return inRegion(regionId, () -> {
            SignUp signUp = store.find(signUpId).filter(s -> s.regionId().equals(regionId))
                    .orElseThrow(() -> ApiException.notFound("sign-up", signUpId));
            if (caller.isOrganizer() && !caller.organizerId().equals(signUp.organizerId())) {
                throw ApiException.forbidden("sign-up " + signUpId + " is on another organizer's turf");
            }
            if (signUp.status() == SignUp.Status.JOINED) {
                throw ApiException.conflict("sign-up " + signUpId + " has joined the live plan already: cancel the "
                        + "volunteer's shifts instead (POST …/live/cancellations)");
            }
            if (reason != null && reason.length() > 500) {
                throw ApiException.invalid("reason", "is at most 500 characters");
            }
            SignUp rejected = signUp.with(SignUp.Status.REJECTED, reason == null || reason.isBlank()
                    ? "turned down by " + caller.actor() : reason.strip(), clock.instant());
            store.save(rejected);
            return rejected;
        });
    }

    /** Runs {@code change} alone among this instance's sign-up changes in the region (the joiner's too). */
    <T> T inRegion(String regionId, Supplier<T> change) {
        synchronized (regionLocks.computeIfAbsent(regionId, r -> new Object())) {
            return change.get();
        }
    }

    Job liveJob(String regionId) {
        return jobs.get(live.liveJobId(regionId).orElseThrow(() -> ApiException.notFound(
                "live plan to sign up to in region", regionId)));
    }

    /** The volunteer's personal link, once the live plan has them. */
    private Optional<String> personalLink(SignUp signUp, String baseUrl) {
        Job job = liveJob(signUp.regionId());
        Caller issuer = new Caller(Role.ADMIN, null, "sign-up:" + signUp.id(), null, null);
        return job.requireBestPlan().getVolunteers().stream().filter(v -> v.getId().equals(signUp.id())).findFirst()
                .map(volunteer -> links.current(job, List.of(volunteer), issuer, baseUrl).get(signUp.id()).url());
    }

    private void sendCode(Job job, SignUp signUp, Channel channel, String code, String timeZone,
            String requestBaseUrl) {
        String base = linkProperties.baseUrl() == null || linkProperties.baseUrl().isBlank() ? requestBaseUrl
                : linkProperties.baseUrl();
        String url = base.replaceAll("/+$", "") + "/sign-up.html#region=" + signUp.regionId() + "&signUp="
                + signUp.id() + "&code=" + code;
        String text = "Hi " + signUp.name() + ", your code to confirm your sign-up is " + code + ". Or open " + url;
        String html = channel == Channel.EMAIL ? "<p>Hi " + HtmlUtils.htmlEscape(signUp.name())
                + ",</p><p>your code to confirm your sign-up is <strong>" + code + "</strong>.</p><p><a href=\""
                + HtmlUtils.htmlEscape(url) + "\">Confirm my sign-up</a></p>" : null;
        String to = channel == Channel.EMAIL ? signUp.email() : signUp.phone();
        outbox.enqueue(new OutboundMessage("sign-up:" + signUp.id() + ":" + signUp.codeHash().substring(0, 16),
                channel, to, job.getId(), signUp.id(), signUp.organizerId(), "SIGN_UP", "Confirm your sign-up", text,
                html, timeZone));
        sender.wakeUp();
    }

    private void throttle(String key, int budget) {
        FailedCredentialStore.Count count = counts.recordFailure(key, Duration.ofSeconds(
                properties.windowSeconds()));
        if (count.failures() > budget) {
            long seconds = Math.max(1, (count.untilReset().toMillis() + 999) / 1000);
            throw ApiException.busy("too many sign-ups from here: try again in " + seconds + " s", seconds);
        }
    }

    private static String codeHash(String signUpId, String code) {
        return Secrets.sha256(signUpId + ":" + code);
    }
}
