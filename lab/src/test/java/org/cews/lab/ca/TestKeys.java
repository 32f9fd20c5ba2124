package org.cews.lab.ca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Request keys for the tests, generated once per JVM (RSA generation is slow). */
final class TestKeys {

    private static final Map<String, KeyPair> CACHE = new ConcurrentHashMap<>();

    private TestKeys() {}

    /** The RSA key named {@code name} of {@code bits} bits; the same name gives the same key. */
    static KeyPair rsa(String name, int bits) {
        return CACHE.computeIfAbsent(name + "/rsa" + bits, k -> generate("RSA", bits));
    }

    static KeyPair ec(String name) {
        return CACHE.computeIfAbsent(name + "/ec", k -> generate("EC", 256));
    }

    static KeyPair ecP384(String name) {
        return CACHE.computeIfAbsent(name + "/ec384", k -> generate("EC", 384));
    }

    private static KeyPair generate(String alg, int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
            if (alg.equals("EC")) {
                g.initialize(new ECGenParameterSpec(bits == 384 ? "secp384r1" : "secp256r1"));
            } else {
                g.initialize(bits);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
