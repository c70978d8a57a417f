package org.fieldplan.api.signups;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fieldplan.api.config.FixedDelayRounds;
import org.fieldplan.api.config.PlanClock;
import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.live.LivePlans;
import org.fieldplan.api.messages.ContactStore;
import org.fieldplan.api.messages.VolunteerMessages;
import org.fieldplan.api.recommend.RecommendationService;
import org.fieldplan.api.replan.ReplanResult;
import org.fieldplan.api.replan.ReplanService;
import org.fieldplan.domain.AvailabilityWindow;
import org.fieldplan.domain.FieldPlan;
import org.fieldplan.domain.Skill;
import org.fieldplan.domain.TimeSlot;
import org.fieldplan.domain.TravelMode;
import org.fieldplan.domain.Volunteer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Joins confirmed sign-ups to their region's live plan in batches: every {@code fieldplan.signups.batch-millis}, all
 * of a region's confirmed sign-ups become volunteers of the live plan through one late-volunteer repair
 * ({@link ReplanService#addVolunteers}), recorded as one {@code sign-ups} version. A burst of sign-ups is a few
 * repairs, not one each. A sign-up whose slots have all started meanwhile lapses. Every instance runs one; a region's
 * sign-ups are joined under a lock of the store ({@link SignUpStore#joinExclusively}), one joiner at a time.
 */
@Component
public class SignUpJoiner implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SignUpJoiner.class);
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final SignUpStore store;
    private final SignUpService signUps;
    private final LivePlans live;
    private final ReplanService replan;
    private final VolunteerMessages messages;
    private final PlanClock planClock;
    private final Clock clock;
    private final SignUpProperties properties;
    private final FixedDelayRounds rounds;

    public SignUpJoiner(SignUpStore store, SignUpService signUps, LivePlans live, ReplanService replan,
            VolunteerMessages messages, PlanClock planClock, Clock clock, SignUpProperties properties) {
        this.store = store;
        this.signUps = signUps;
        this.live = live;
        this.replan = replan;
        this.messages = messages;
        this.planClock = planClock;
        this.clock = clock;
        this.properties = properties;
        this.rounds = new FixedDelayRounds("sign-up-joiner", properties.batchMillis(), this::joinQuietly);
    }

    /** One round: each region's confirmed sign-ups (at most {@code max-batch} in all) join in one repair. */
    void joinConfirmed() {
        Map<String, List<SignUp>> byRegion = store.confirmed(properties.maxBatch()).stream()
                .collect(Collectors.groupingBy(SignUp::regionId, LinkedHashMap::new, Collectors.toList()));
        byRegion.forEach((region, waiting) -> {
            try {
                // Every instance runs a joiner: the one holding the region's lock joins, the others skip the round
                // (under the lock each sign-up is read again, so one joined meanwhile is not joined twice).
                if (!store.joinExclusively(region, () -> join(region, waiting))) {
                    LOG.debug("Sign-ups of region {} are being joined elsewhere", region);
                }
            } catch (RuntimeException e) {
                // Tried again next round: e.g. the live job is solving on another instance.
                LOG.warn("Sign-ups of region {} not joined yet: {}", region, e.getMessage());
            }
        });
    }

    /** The newcomers of a round and their sign-ups. */
    private record Batch(Job job, List<Volunteer> newcomers, List<SignUp> joining) {
    }

    private void join(String region, List<SignUp> waiting) {
        Batch batch = signUps.inRegion(region, () -> batch(region, waiting));
        if (batch.newcomers().isEmpty()) {
            return;
        }
        // Not under the sign-up lock: sign-ups and confirmations of the region go on while the repair runs.
        ReplanResult result = live.changeOnOwn(region, "sign-ups", "sign-up", batch.newcomers().size()
                + " volunteers signed up: " + batch.joining().stream().map(SignUp::id).collect(Collectors.joining(
                        ", ")), liveJob -> replan.addVolunteers(liveJob, batch.newcomers()));
        signUps.inRegion(region, () -> {
            for (SignUp signUp : batch.joining()) {
                messages.putContact(batch.job(), signUp.id(), new ContactStore.Contact(signUp.email(),
                        signUp.phone()));
                SignUp now = store.find(signUp.id()).orElse(signUp);
                if (now.status() == SignUp.Status.REJECTED) {
                    LOG.warn("Sign-up {} was rejected while it joined the live plan of {}: cancel its shifts", now.id(),
                            region);
                } else {
                    store.save(now.with(SignUp.Status.JOINED, null, clock.instant()));
                }
            }
            return null;
        });
        LOG.info("{} sign-ups joined the live plan of {}: {}", batch.joining().size(), region, result.mode());
    }

    /** The round's sign-ups still confirmed (an organizer may have rejected one since), as volunteers to add. */
    private Batch batch(String region, List<SignUp> waiting) {
        Job job = signUps.liveJob(region);
        FieldPlan plan = job.requireBestPlan();
        Set<String> inPlan = new HashSet<>();
        plan.getVolunteers().forEach(v -> inPlan.add(v.getId()));
        var now = planClock.now(plan);
        List<Volunteer> newcomers = new ArrayList<>();
        List<SignUp> joining = new ArrayList<>();
        for (SignUp read : waiting) {
            SignUp signUp = store.find(read.id()).orElse(read);
            if (signUp.status() != SignUp.Status.CONFIRMED) {
                continue;
            }
            List<TimeSlot> open = plan.getTimeSlots().stream().filter(slot -> signUp.slotIds().contains(slot.getId())
                    && !PlanClock.hasStarted(slot, now)).toList();
            if (inPlan.contains(signUp.id())) {
                // Joined before, its status not saved (a restart in between): nothing to add again.
                store.save(signUp.with(SignUp.Status.JOINED, null, clock.instant()));
            } else if (open.isEmpty()) {
                store.save(signUp.with(SignUp.Status.LAPSED, "every slot offered started before it could join",
                        clock.instant()));
            } else {
                newcomers.add(volunteer(signUp, open, plan));
                joining.add(signUp);
            }
        }
        return new Batch(job, newcomers, joining);
    }

    private static Volunteer volunteer(SignUp signUp, List<TimeSlot> slots, FieldPlan plan) {
        List<AvailabilityWindow> windows = slots.stream()
                .map(slot -> new AvailabilityWindow(slot.getStart(), slot.getEnd())).toList();
        return new Volunteer(signUp.id(), signUp.name(), WGS84.createPoint(new Coordinate(signUp.lon(),
                signUp.lat())), signUp.skills().stream().map(Skill::valueOf).collect(Collectors.toSet()),
                Set.copyOf(signUp.languages()), TravelMode.valueOf(signUp.travelMode()), signUp.maxTravelMinutes(),
                windows, slots.size(), slots.size(), signUp.organizerId(),
                RecommendationService.meanAttendance(plan), Set.of(),
                signUp.deployment() == null ? List.of() : List.of(signUp.deployment()), signUp.carpool());
    }

    @Override
    public void start() {
        rounds.start();
    }

    private void joinQuietly() {
        try {
            joinConfirmed();
        } catch (RuntimeException e) {
            LOG.warn("Sign-ups not joined this round: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        rounds.stop();
    }

    @Override
    public boolean isRunning() {
        return rounds.isRunning();
    }
}
