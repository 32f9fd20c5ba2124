package org.cews.ces.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reference a pending answer carries in its Reference URI ([MS-WSTEP] 3.1.4.1.3.2), signed by
 * the CES so that no store is needed (docs/ARCHITECTURE.md §4.11; docs/WSTEP.md §8): it binds
 * the CA that holds the request, the request id and the owner (the caller's SID, or the SHA-256
 * of the TLS certificate of a key-based-renewal caller that maps to no account). Any node with the
 * same key verifies it, also after a restart. Format: {@code base64url(payload) "."
 * base64url(HMAC-SHA256(key, payload))}, payload {@code "1\n" ca "\n" id "\n" owner}. The first key
 * signs; every key verifies, so a key can be rotated while requests stay pending.
 */
public final class PendingReferences {

    /** Longer tokens are refused unread. */
    static final int MAX_TOKEN = 2048;

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "1";
    private static final int MIN_KEY_BYTES = 32;

    /** What a reference binds. */
    public record PendingReference(String caName, int requestId, String owner) {
        public PendingReference {
            if (caName.isEmpty() || caName.contains("\n") || owner.isEmpty() || owner.contains("\n")) {
                throw new IllegalArgumentException("a pending reference needs a CA name and an owner on one line");
            }
        }
    }

    private final List<SecretKeySpec> keys;

    /** {@code keys}: the signing key first, then older keys still accepted; each at least 32 bytes. */
    public PendingReferences(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("pending references need a key");
        }
        List<SecretKeySpec> specs = new ArrayList<>();
        for (byte[] k : keys) {
            if (k.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("a pending-reference key needs at least " + MIN_KEY_BYTES
                        + " bytes (actual: " + k.length + ")");
            }
            specs.add(new SecretKeySpec(k.clone(), ALGORITHM));
        }
        this.keys = List.copyOf(specs);
    }

    public String sign(PendingReference reference) {
        byte[] payload = String.join(
                        "\n", VERSION, reference.caName(), Integer.toString(reference.requestId()), reference.owner())
                .getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload) + "." + b64.encodeToString(mac(keys.get(0), payload));
    }

    /** The reference {@code token} carries, if one of the keys signed it and it is well formed. */
    public Optional<PendingReference> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] tag;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            tag = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean signed = false;
        for (SecretKeySpec key : keys) {
            signed |= MessageDigest.isEqual(mac(key, payload), tag);
        }
        if (!signed) {
            return Optional.empty();
        }
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (fields.length != 4 || !VERSION.equals(fields[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PendingReference(fields[1], Integer.parseInt(fields[2]), fields[3]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] mac(SecretKeySpec key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
