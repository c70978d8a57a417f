package org.fieldplan.api.signups;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/** Sign-ups in this instance's memory (the in-memory store): a restart loses them. */
public class InMemorySignUpStore implements SignUpStore {

    private final ConcurrentMap<String, SignUp> signUps = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ReentrantLock> joining = new ConcurrentHashMap<>();

    @Override
    public void save(SignUp signUp) {
        signUps.put(signUp.id(), signUp);
    }

    @Override
    public Optional<SignUp> find(String id) {
        return Optional.ofNullable(signUps.get(id));
    }

    @Override
    public Optional<SignUp> findByContact(String regionId, String email, String phone) {
        return signUps.values().stream().filter(s -> s.regionId().equals(regionId))
                .filter(s -> email != null && email.equals(s.email()) || phone != null && phone.equals(s.phone()))
                .min(Comparator.comparing(SignUp::createdAt));
    }

    @Override
    public List<SignUp> ofRegion(String regionId, String organizerId) {
        return signUps.values().stream().filter(s -> s.regionId().equals(regionId))
                .filter(s -> organizerId == null || Objects.equals(organizerId, s.organizerId()))
                .sorted(Comparator.comparing(SignUp::createdAt).reversed()).toList();
    }

    @Override
    public List<SignUp> confirmed(int limit) {
        return signUps.values().stream().filter(s -> s.status() == SignUp.Status.CONFIRMED)
                .sorted(Comparator.comparing(SignUp::updatedAt)).limit(limit).toList();
    }

    @Override
    public boolean joinExclusively(String regionId, Runnable join) {
        ReentrantLock lock = joining.computeIfAbsent(regionId, region -> new ReentrantLock());
        if (!lock.tryLock()) {
            return false;
        }
        try {
            join.run();
            return true;
        } finally {
            lock.unlock();
        }
    }
}
