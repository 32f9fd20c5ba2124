package org.cews.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.RequestFormat;

/**
 * The requests the benchmark submits, made once before anything is measured: RSA 2048 key
 * generation costs tens to hundreds of milliseconds a key, more than an issuance, so it must not
 * sit in the measured loop. Each request is a PKCS#10 for template {@code User} (the CA builds the
 * subject from the directory, so the request's own subject is only a label); clients reuse them
 * round robin, and each issued certificate must carry its request's public key.
 */
final class RequestSet {

    static final String TEMPLATE = "User";

    /** One request and the public key (SubjectPublicKeyInfo, DER) its certificate must carry. */
    record Entry(EnrollmentRequest request, byte[] publicKey) {}

    private final List<Entry> entries;

    private RequestSet(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The DER request for a fresh key pair; {@code n} numbers the requests of a set. */
    @FunctionalInterface
    interface Builder {
        byte[] pkcs10(KeyPair keys, int n) throws Exception;
    }

    /** Makes {@code count} requests, generating keys on every core. */
    static RequestSet generate(int count, SecureRandom random) throws Exception {
        return generate(count, random, (keys, n) -> new JcaPKCS10CertificationRequestBuilder(
                        new X500Name("CN=cews-bench-" + n), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()))
                .getEncoded());
    }

    /**
     * Makes {@code count} requests with RSA 2048 keys, generated on every core, each built by {@code
     * builder}; each entry's request carries the attribute {@code CertificateTemplate:}{@link #TEMPLATE}.
     */
    static RequestSet generate(int count, SecureRandom random, Builder builder) throws Exception {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService keygen = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Entry>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(keygen.submit(() -> entry(n, random, builder)));
            }
            List<Entry> entries = new ArrayList<>();
            for (Future<Entry> f : futures) {
                entries.add(f.get());
            }
            return new RequestSet(entries);
        } finally {
            keygen.shutdownNow();
        }
    }

    private static Entry entry(int n, SecureRandom random, Builder builder) throws Exception {
        KeyPair keys = rsa2048(random);
        byte[] der = builder.pkcs10(keys, n);
        return new Entry(
                new EnrollmentRequest(RequestFormat.PKCS10, der, Map.of("CertificateTemplate", TEMPLATE), false),
                keys.getPublic().getEncoded());
    }

    static KeyPair rsa2048(SecureRandom random) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        return generator.generateKeyPair();
    }

    int size() {
        return entries.size();
    }

    /** The request for the {@code n}th submission, round robin. */
    Entry get(long n) {
        return entries.get((int) Math.floorMod(n, (long) entries.size()));
    }
}
