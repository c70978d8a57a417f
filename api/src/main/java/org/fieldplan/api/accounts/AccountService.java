package org.fieldplan.api.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.fieldplan.api.errors.ApiException;
import org.fieldplan.api.security.ApiKeyProperties;
import org.fieldplan.api.security.Caller;
import org.fieldplan.api.security.CredentialAuthenticator;
import org.fieldplan.api.security.CredentialFilter;
import org.fieldplan.api.security.Role;
import org.fieldplan.validation.IdAlphabet;
import org.fieldplan.validation.ValidationError;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Accounts and their API keys: admins create, list, disable, enable and rotate them; a key is shown once, when made,
 * and only its hash is stored, so a disabled or rotated key stops working at the next request. Bootstrap keys from
 * the environment ({@link ApiKeyProperties}) work beside the accounts with the same header and roles.
 */
@Service
@Order(1)
public class AccountService implements CredentialAuthenticator {

    private static final int MAX_NAME_LENGTH = 200;

    private record BootstrapKey(byte[] hash, Caller caller) {
    }

    /** A new account and its key, which is never shown again. */
    public record CreatedAccount(Account account, String key) {
    }

    /**
     * @param organizerId required for {@link Role#ORGANIZER}, absent for the other roles
     */
    public record NewAccount(String name, Role role, String organizerId) {
    }

    private final AccountStore store;
    private final Clock clock;
    private final List<BootstrapKey> bootstrapKeys = new ArrayList<>();

    public AccountService(AccountStore store, Clock clock, ApiKeyProperties properties) {
        this.store = store;
        this.clock = clock;
        for (ApiKeyProperties.Key key : properties.keys()) {
            if (key.key() != null && !key.key().isBlank() && key.role() != null) {
                bootstrapKeys.add(new BootstrapKey(hashBytes(key.key()), new Caller(key.role(), key.organizerId())));
            }
        }
    }

    @Override
    public String header() {
        return CredentialFilter.API_KEY;
    }

    /**
     * The key exactly as sent (no trimming). Bootstrap keys are compared as hashes, each in constant time, all of
     * them every time, so timing tells nothing about a key's prefix; accounts are found by the key's hash.
     */
    @Override
    public Optional<Caller> authenticate(String key) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] given = hashBytes(key);
        Caller bootstrap = null;
        for (BootstrapKey candidate : bootstrapKeys) {
            if (MessageDigest.isEqual(candidate.hash(), given)) {
                bootstrap = candidate.caller();
            }
        }
        if (bootstrap != null) {
            return Optional.of(bootstrap);
        }
        return store.findByKeyHash(Secrets.sha256(key)).filter(Account::enabled)
                .map(a -> new Caller(a.role(), a.organizerId(), a.id(), null, null));
    }

    /** @throws ApiException 400 naming each wrong field */
    public CreatedAccount create(NewAccount request, Caller admin) {
        validate(request);
        String key = Secrets.newApiKey();
        Account account = new Account("acc-" + UUID.randomUUID().toString().substring(0, 8), request.name().strip(),
                request.role(), request.role() == Role.ORGANIZER ? request.organizerId() : null, true,
                clock.instant(), admin.actor(), null);
        store.insert(account, Secrets.sha256(key));
        return new CreatedAccount(account, key);
    }

    public List<Account> list() {
        return store.list();
    }

    /** Disabled keys are refused from the next request on (every request reads the store). */
    public Account setEnabled(String id, boolean enabled) {
        if (!store.setEnabled(id, enabled)) {
            throw ApiException.notFound("account", id);
        }
        return get(id);
    }

    /** A new key for the account; the old one stops working at once. */
    public CreatedAccount rotate(String id) {
        String key = Secrets.newApiKey();
        if (!store.replaceKeyHash(id, Secrets.sha256(key), clock.instant())) {
            throw ApiException.notFound("account", id);
        }
        return new CreatedAccount(get(id), key);
    }

    private Account get(String id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("account", id));
    }

    private static void validate(NewAccount request) {
        if (request == null) {
            throw ApiException.invalid("body", "is required: {\"name\", \"role\", \"organizerId\"}");
        }
        List<ValidationError> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank()) {
            errors.add(new ValidationError("name", "is required"));
        } else if (request.name().length() > MAX_NAME_LENGTH) {
            errors.add(new ValidationError("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (request.role() == null) {
            errors.add(new ValidationError("role", "is required: ORGANIZER, STRATEGIST or ADMIN"));
        } else if (request.role() == Role.VOLUNTEER) {
            errors.add(new ValidationError("role", "volunteers get personal links, not accounts"));
        } else if (request.role() == Role.ORGANIZER
                && (request.organizerId() == null || request.organizerId().isBlank())) {
            errors.add(new ValidationError("organizerId", "is required for an organizer: whose volunteers"));
        } else if (request.role() == Role.ORGANIZER && !IdAlphabet.isSafe(request.organizerId())) {
            errors.add(new ValidationError("organizerId", IdAlphabet.problem(request.organizerId()).orElseThrow()));
        } else if (request.role() != Role.ORGANIZER && request.organizerId() != null) {
            errors.add(new ValidationError("organizerId", "is only for organizers"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static byte[] hashBytes(String key) {
        return Secrets.sha256(key).getBytes(StandardCharsets.US_ASCII);
    }
}
