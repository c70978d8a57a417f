package org.fieldplan.api.messages;

import java.util.Collection;
import java.util.Map;

/**
 * Where volunteers can be reached, per scope: the region a job was built from (so every plan of the region reaches
 * the same people), or the job itself for a problem stated inline.
 */
public interface ContactStore {

    /** A volunteer's e-mail and phone; either may be null. */
    record Contact(String email, String phone) {
    }

    void put(String scope, String volunteerId, Contact contact);

    Map<String, Contact> find(String scope, Collection<String> volunteerIds);
}
