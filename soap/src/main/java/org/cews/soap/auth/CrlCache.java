package org.cews.soap.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.cews.soap.SoapMessages;

/**
 * CRLs by URL ([RFC 5280] §5), fetched over HTTP when first needed and kept for the policy's
 * {@link RevocationPolicy#crlCache()} but never past their nextUpdate (§5.1.2.5); a CRL is used
 * only if its issuer is the certificate's issuer, the issuer's key verifies its signature, and
 * nextUpdate has not passed. When a refetch fails, the CRL held is used while still before its
 * nextUpdate. One fetch per URL at a time; each fetch is one audit line (SOAP0530).
 */
final class CrlCache {

    /** The most a CRL may weigh (AD CS CRLs of large CAs reach a few MB). */
    static final int MAX_BYTES = 32 * 1024 * 1024;

    private static final System.Logger AUDIT = System.getLogger("org.cews.audit");

    /** A CRL that cannot be used, and why. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    /** Where CRL bytes come from: HTTP in the server ({@link #http()}). */
    @FunctionalInterface
    interface Source {
        byte[] fetch(String url, Duration timeout) throws Unusable;
    }

    /** A CRL, until when it is used, and the issuer key that verified its signature. */
    /**
     * A CRL fetched at {@code fetched}, to be used until {@code useUntil} (the cache time of the
     * policy at the fetch, or its nextUpdate) but never longer than the policy of the moment allows:
     * lowering crlCacheSeconds takes effect on CRLs already held.
     */
    private record Held(X509CRL crl, Instant fetched, Instant useUntil, java.security.PublicKey verifiedWith) {
        boolean fresh(Instant now, RevocationPolicy policy) {
            return now.isBefore(useUntil) && now.isBefore(fetched.plus(policy.crlCache()));
        }
    }

    private final Clock clock;
    private final Source source;
    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    CrlCache(Clock clock, Source source) {
        this.clock = clock;
        this.source = source;
    }

    /** A current CRL from {@code url} for certificates of {@code issuer}. */
    X509CRL get(String url, X509Certificate issuer, RevocationPolicy policy) throws Unusable {
        Held current = held.get(url);
        if (current != null && current.fresh(clock.instant(), policy)) {
            // Verified at the fetch: the signature is checked again only for another issuer key.
            return current.verifiedWith().equals(issuer.getPublicKey()) ? current.crl() : usable(current.crl(), issuer);
        }
        synchronized (locks.computeIfAbsent(url, u -> new Object())) {
            current = held.get(url);
            Instant now = clock.instant();
            if (current != null && current.fresh(now, policy)) {
                return usable(current.crl(), issuer);
            }
            try {
                X509CRL crl = usable(decode(source.fetch(url, policy.timeout())), issuer);
                Instant cap = now.plus(policy.crlCache());
                Instant until = crl.getNextUpdate() == null
                                || cap.isBefore(crl.getNextUpdate().toInstant())
                        ? cap
                        : crl.getNextUpdate().toInstant();
                held.put(url, new Held(crl, now, until, issuer.getPublicKey()));
                byte[] number = crl.getExtensionValue("2.5.29.20");
                AUDIT.log(
                        System.Logger.Level.INFO,
                        () -> SoapMessages.SOAP0530.format(
                                url,
                                crl.getIssuerX500Principal().getName(),
                                number == null ? "-" : crlNumber(number),
                                crl.getThisUpdate().toInstant(),
                                crl.getNextUpdate() == null
                                        ? "-"
                                        : crl.getNextUpdate().toInstant(),
                                crl.getRevokedCertificates() == null
                                        ? 0
                                        : crl.getRevokedCertificates().size(),
                                until));
                return crl;
            } catch (Unusable e) {
                if (current != null) {
                    try {
                        return usable(current.crl(), issuer);
                    } catch (Unusable stale) {
                        throw new Unusable(e.getMessage() + "; the CRL held: " + stale.getMessage());
                    }
                }
                throw e;
            }
        }
    }

    private X509CRL usable(X509CRL crl, X509Certificate issuer) throws Unusable {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new Unusable("the CRL is issued by "
                    + crl.getIssuerX500Principal().getName() + ", not by the certificate's issuer "
                    + issuer.getSubjectX500Principal().getName());
        }
        try {
            crl.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new Unusable("the CRL's signature does not verify with the issuer's key: " + e.getMessage());
        }
        Instant now = clock.instant();
        if (crl.getNextUpdate() != null && !now.isBefore(crl.getNextUpdate().toInstant())) {
            throw new Unusable(
                    "the CRL expired at its nextUpdate " + crl.getNextUpdate().toInstant());
        }
        return crl;
    }

    private static X509CRL decode(byte[] der) throws Unusable {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new Unusable("not a CRL: " + e.getMessage());
        }
    }

    /** GET over HTTP, no redirects, 200 only, at most {@link #MAX_BYTES}. */
    static Source http() {
        return new Source() {
            private volatile HttpClient client;
            private volatile Duration clientTimeout;

            @Override
            public byte[] fetch(String url, Duration timeout) throws Unusable {
                try {
                    HttpResponse<InputStream> response = client(timeout)
                            .send(
                                    HttpRequest.newBuilder(URI.create(url))
                                            .timeout(timeout)
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream in = response.body()) {
                        if (response.statusCode() != 200) {
                            throw new Unusable("HTTP " + response.statusCode());
                        }
                        byte[] der = in.readNBytes(MAX_BYTES + 1);
                        if (der.length > MAX_BYTES) {
                            throw new Unusable("the CRL is larger than " + MAX_BYTES + " bytes");
                        }
                        return der;
                    }
                } catch (IOException | IllegalArgumentException e) {
                    throw new Unusable("cannot fetch: " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Unusable("interrupted");
                }
            }

            private HttpClient client(Duration timeout) {
                HttpClient c = client;
                if (c == null || !timeout.equals(clientTimeout)) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(timeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    client = c;
                    clientTimeout = timeout;
                }
                return c;
            }
        };
    }

    /** The CRLNumber extension's INTEGER ([RFC 5280] §5.2.3), from its OCTET STRING wrapping. */
    private static String crlNumber(byte[] extension) {
        try {
            return new java.math.BigInteger(CertificateNames.extensionValue(extension, "CRL number")
                            .content())
                    .toString();
        } catch (org.cews.x690.DerException e) {
            return "undecodable";
        }
    }
}
