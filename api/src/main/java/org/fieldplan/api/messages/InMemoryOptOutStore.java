package org.fieldplan.api.messages;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Opt-outs in the heap (the default store). */
public class InMemoryOptOutStore implements OptOutStore {

    private final Map<String, String> sources = new ConcurrentHashMap<>();

    @Override
    public void optOut(String address, String source) {
        sources.putIfAbsent(Addresses.normal(address), source);
    }

    @Override
    public boolean isOptedOut(String address) {
        return sources.containsKey(Addresses.normal(address));
    }
}
