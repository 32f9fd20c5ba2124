package org.cews.soap.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts callers were mapped to, kept for a short time per principal (a Kerberos name, a
 * certificate, a user name) so that a client's GetPolicies and RequestSecurityToken do not cost
 * two directory round trips each. Only the mapping is kept: a password is checked on every
 * request. Bounded: the least recently used entries go first.
 */
final class IdentityCache {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(Account account, Instant expires) {}

    private final Duration lifetime;
    private final Clock clock;
    private final Map<Object, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    IdentityCache(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /**
     * @param principal a string naming the principal, or a client certificate itself ({@link
     *     java.security.cert.Certificate#equals} compares the exact encoding)
     */
    synchronized Optional<Account> get(Object principal) {
        Entry entry = entries.get(principal);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(principal);
            return Optional.empty();
        }
        return Optional.of(entry.account());
    }

    synchronized void put(Object principal, Account account) {
        if (lifetime.isZero()) {
            return;
        }
        entries.put(principal, new Entry(account, clock.instant().plus(lifetime)));
        if (entries.size() > MAX_ENTRIES) {
            Iterator<Object> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }
}
