package org.fieldplan.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Looks up the caller an API key stands for. */
@Component
public class ApiKeys {

    private record Entry(byte[] key, Caller caller) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public ApiKeys(ApiKeyProperties properties) {
        for (ApiKeyProperties.Key key : properties.keys()) {
            if (key.key() != null && !key.key().isBlank() && key.role() != null) {
                entries.add(new Entry(key.key().getBytes(StandardCharsets.UTF_8),
                        new Caller(key.role(), key.organizerId())));
            }
        }
    }

    /** The caller for the key, compared in constant time so response timing does not leak key prefixes. */
    public Optional<Caller> find(String key) {
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        Caller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.key(), given)) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }
}
