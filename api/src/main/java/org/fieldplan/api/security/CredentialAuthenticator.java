package org.fieldplan.api.security;

import java.util.Optional;

/**
 * Turns one kind of credential, sent in its own request header, into a {@link Caller}: API keys (accounts and
 * bootstrap keys) and volunteers' personal links. {@link CredentialFilter} asks each in turn.
 */
public interface CredentialAuthenticator {

    /** The request header the credential travels in. */
    String header();

    /**
     * @param credential the header's value exactly as sent (never trimmed: a key with a trailing space is another key)
     * @return the caller, or empty when the credential is unknown, disabled, expired, revoked or tampered with
     */
    Optional<Caller> authenticate(String credential);
}
