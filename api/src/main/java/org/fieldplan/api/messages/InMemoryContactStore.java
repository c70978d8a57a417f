package org.fieldplan.api.messages;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Contacts in the heap (the default store). */
public class InMemoryContactStore implements ContactStore {

    private final Map<String, Contact> contacts = new ConcurrentHashMap<>();

    @Override
    public void put(String scope, String volunteerId, Contact contact) {
        contacts.put(scope + "\n" + volunteerId, contact);
    }

    @Override
    public Map<String, Contact> find(String scope, Collection<String> volunteerIds) {
        Map<String, Contact> found = new HashMap<>();
        volunteerIds.forEach(id -> {
            Contact contact = contacts.get(scope + "\n" + id);
            if (contact != null) {
                found.put(id, contact);
            }
        });
        return found;
    }
}
