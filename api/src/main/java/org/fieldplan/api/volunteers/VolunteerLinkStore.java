package org.fieldplan.api.volunteers;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Where volunteers' links live: in memory (the default) or PostGIS ({@code api_volunteer_link}). */
public interface VolunteerLinkStore {

    void insert(VolunteerLink link);

    Optional<VolunteerLink> find(String id);

    /** Each volunteer's newest link in the job that works at {@code now}, by volunteer id. */
    Map<String, VolunteerLink> workingByVolunteer(String jobId, Instant now);

    /** @return false when there is no such link in the job */
    boolean revoke(String jobId, String id, Instant at);
}
