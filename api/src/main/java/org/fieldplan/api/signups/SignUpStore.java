package org.fieldplan.api.signups;

import java.util.List;
import java.util.Optional;

/** Where sign-ups are kept: in memory (one instance), or in PostGIS so that pending ones survive a restart. */
public interface SignUpStore {

    /** Inserts or replaces the sign-up with its id. */
    void save(SignUp signUp);

    Optional<SignUp> find(String id);

    /** The region's sign-up with this e-mail or this phone (either may be null), if any. */
    Optional<SignUp> findByContact(String regionId, String email, String phone);

    /** The region's sign-ups, newest first; of one organizer's turf when {@code organizerId} is not null. */
    List<SignUp> ofRegion(String regionId, String organizerId);

    /** Confirmed sign-ups waiting to join, oldest first, at most {@code limit}. */
    List<SignUp> confirmed(int limit);

    /**
     * Runs {@code join} unless another joiner (this instance's or another's on the same database) is joining the
     * region's sign-ups now: so two instances never join the same sign-up twice.
     *
     * @return whether {@code join} ran
     */
    boolean joinExclusively(String regionId, Runnable join);
}
