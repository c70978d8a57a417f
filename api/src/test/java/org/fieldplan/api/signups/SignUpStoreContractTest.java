package org.fieldplan.api.signups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fieldplan.domain.Carpool;
import org.junit.jupiter.api.Test;

/** What every sign-up store does, in memory and in PostGIS alike. Each test works in a region of its own. */
abstract class SignUpStoreContractTest {

    abstract SignUpStore store();

    static SignUp signUp(String region, String email, String phone, String organizer, Instant at) {
        return new SignUp("S-" + UUID.randomUUID().toString().substring(0, 12), region, organizer, "Rosa Díaz", email,
                phone, -71.41, 41.82, "BIKE", 25, List.of("CANVASS"), List.of("es", "en"),
                List.of("2026-11-01-pm", "2026-10-31-am"), SignUp.Status.PENDING, "hash", 0, null, at, at);
    }

    static String region() {
        return "r-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSavedSignUpIsReadBackAsItWasAndReplacedBySavingAgain() {
        String region = region();
        Instant at = Instant.parse("2026-10-30T12:00:00Z");
        SignUp saved = signUp(region, "rosa@x.test", "+14015550100", "org-1", at);
        store().save(saved);
        assertThat(store().find(saved.id())).contains(saved);

        SignUp confirmed = saved.with(SignUp.Status.CONFIRMED, null, at.plusSeconds(60)).withWrongCode(at);
        store().save(confirmed);
        assertThat(store().find(saved.id())).contains(confirmed);
        assertThat(store().ofRegion(region, null)).containsExactly(confirmed);
        assertThat(store().find("S-none")).isEmpty();
    }

    @Test
    void aCarpoolOfferIsKeptWithTheSignUp() {
        SignUp plain = signUp(region(), "kim@x.test", null, "org-1", Instant.parse("2026-10-30T12:00:00Z"));
        SignUp offering = new SignUp(plain.id(), plain.regionId(), plain.organizerId(), plain.name(), plain.email(),
                plain.phone(), plain.lon(), plain.lat(), "CAR", 40, plain.skills(), plain.languages(),
                plain.slotIds(), plain.status(), plain.codeHash(), 0, null, plain.createdAt(), plain.updatedAt(), null,
                new Carpool(3, 12, true));
        store().save(offering);
        assertThat(store().find(offering.id())).get().extracting(SignUp::carpool).isEqualTo(new Carpool(3, 12, true));
        store().save(plain);
        assertThat(store().find(plain.id())).get().extracting(SignUp::carpool).isEqualTo(Carpool.NONE);
    }

    @Test
    void aSignUpIsFoundByItsEmailOrItsPhoneInItsRegionOnly() {
        String region = region();
        SignUp saved = signUp(region, "lee@x.test", "+14015550111", "org-1", Instant.parse("2026-10-30T12:00:00Z"));
        store().save(saved);
        assertThat(store().findByContact(region, "lee@x.test", null)).contains(saved);
        assertThat(store().findByContact(region, null, "+14015550111")).contains(saved);
        assertThat(store().findByContact(region, "other@x.test", null)).isEmpty();
        assertThat(store().findByContact(region(), "lee@x.test", "+14015550111")).as("another region").isEmpty();
    }

    @Test
    void organizersSeeTheirTurfNewestFirstAndTheJoinerTheConfirmedOldestFirst() {
        String region = region();
        Instant at = Instant.parse("2026-10-30T12:00:00Z");
        SignUp older = signUp(region, "a@x.test", null, "org-1", at).with(SignUp.Status.CONFIRMED, null, at);
        SignUp newer = signUp(region, "b@x.test", null, "org-1", at.plusSeconds(5))
                .with(SignUp.Status.CONFIRMED, null, at.plusSeconds(5));
        SignUp otherTurf = signUp(region, "c@x.test", null, "org-2", at.plusSeconds(9));
        store().save(newer);
        store().save(older);
        store().save(otherTurf);
        assertThat(store().ofRegion(region, "org-1")).containsExactly(newer, older);
        assertThat(store().ofRegion(region, null)).containsExactly(otherTurf, newer, older);
        List<SignUp> confirmed = store().confirmed(1000).stream().filter(s -> s.regionId().equals(region)).toList();
        assertThat(confirmed).containsExactly(older, newer);
    }

    @Test
    void aRegionsSignUpsAreJoinedByOneJoinerAtATime() {
        String region = region();
        ExecutorService elsewhere = Executors.newSingleThreadExecutor();
        try {
            AtomicBoolean joined = new AtomicBoolean();
            boolean ran = store().joinExclusively(region, () -> {
                joined.set(true);
                assertThat(joinFrom(elsewhere, region)).as("the same region, meanwhile").isFalse();
                assertThat(joinFrom(elsewhere, region())).as("another region, meanwhile").isTrue();
            });
            assertThat(ran).isTrue();
            assertThat(joined).isTrue();
            assertThat(joinFrom(elsewhere, region)).as("the same region, afterwards").isTrue();
        } finally {
            elsewhere.shutdownNow();
        }
    }

    /** Asks for the region's join lock on another thread (in PostGIS, another connection: as another instance). */
    private boolean joinFrom(ExecutorService elsewhere, String region) {
        try {
            return elsewhere.submit(() -> store().joinExclusively(region, () -> { })).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
