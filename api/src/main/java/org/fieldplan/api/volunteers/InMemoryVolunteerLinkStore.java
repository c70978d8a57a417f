package org.fieldplan.api.volunteers;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/** Volunteers' links in memory, lost on exit. */
public class InMemoryVolunteerLinkStore implements VolunteerLinkStore {

    private final Map<String, VolunteerLink> links = new ConcurrentHashMap<>();
    private final InMemoryPeopleVersion version;

    /** @param version moved on after each write */
    public InMemoryVolunteerLinkStore(InMemoryPeopleVersion version) {
        this.version = version;
    }

    @Override
    public void insert(VolunteerLink link) {
        links.put(link.id(), link);
        version.changed(link.jobId());
    }

    @Override
    public Optional<VolunteerLink> find(String id) {
        return Optional.ofNullable(links.get(id));
    }

    @Override
    public Map<String, VolunteerLink> workingByVolunteer(String jobId, Instant now) {
        return links.values().stream().filter(l -> l.jobId().equals(jobId) && l.worksAt(now))
                .collect(Collectors.toMap(VolunteerLink::volunteerId, l -> l,
                        BinaryOperator.maxBy(Comparator.comparing(VolunteerLink::createdAt))));
    }

    @Override
    public boolean revoke(String jobId, String id, Instant at) {
        VolunteerLink link = links.get(id);
        if (link == null || !link.jobId().equals(jobId)) {
            return false;
        }
        links.computeIfPresent(id, (key, l) -> l.revokedAt() != null ? l : new VolunteerLink(l.id(), l.jobId(),
                l.volunteerId(), l.organizerId(), l.expiresAt(), at, l.createdAt(), l.createdBy()));
        version.changed(jobId);
        return true;
    }
}
