package org.cews.soap.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * UsernameToken passwords the directory accepted a moment ago, remembered for a short time so that
 * a client's next requests need no LDAP bind (docs/AUTHENTICATION.md §3.1, docs/adr/0003). The
 * password itself is never kept: only HMAC-SHA256 of (account, password) under a key drawn at
 * random when the cache is made and never written anywhere, compared in constant time. A password
 * other than the remembered one is not accepted here (the caller binds), and any refusal for the
 * account forgets it at once. Zero lifetime is off. Bounded: the least recently used entries go
 * first.
 */
final class PasswordCache {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(byte[] tag, Instant expires) {}

    private final Duration lifetime;
    private final Clock clock;
    private final ThreadLocal<Mac> macs;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    PasswordCache(Duration lifetime, Clock clock, SecureRandom random) {
        this.lifetime = lifetime;
        this.clock = clock;
        byte[] key = new byte[32];
        random.nextBytes(key);
        SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
        Arrays.fill(key, (byte) 0);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
            }
        });
    }

    boolean enabled() {
        return !lifetime.isZero();
    }

    /** Whether {@code password} is the one the directory accepted for {@code account} within the lifetime. */
    boolean verified(String account, char[] password) {
        if (!enabled()) {
            return false;
        }
        Entry entry;
        synchronized (this) {
            entry = entries.get(account);
            if (entry != null && !clock.instant().isBefore(entry.expires())) {
                entries.remove(account);
                entry = null;
            }
        }
        return entry != null && MessageDigest.isEqual(entry.tag(), tag(account, password));
    }

    /** Remembers that the directory just accepted {@code password} for {@code account}. */
    void accepted(String account, char[] password) {
        if (!enabled()) {
            return;
        }
        Entry entry = new Entry(tag(account, password), clock.instant().plus(lifetime));
        synchronized (this) {
            entries.put(account, entry);
            if (entries.size() > MAX_ENTRIES) {
                Iterator<String> oldest = entries.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
    }

    /** Forgets {@code account}'s password: after any refusal for it. */
    synchronized void forget(String account) {
        entries.remove(account);
    }

    private byte[] tag(String account, char[] password) {
        Mac mac = macs.get();
        mac.update(account.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            mac.update(encoded);
            return mac.doFinal();
        } finally {
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }
}
