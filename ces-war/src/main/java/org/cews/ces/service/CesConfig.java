package org.cews.ces.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cews.ces.CesMessage;

/**
 * The CES's settings, from system properties {@code cews.ces.*} (docs/WSTEP.md §9 lists them):
 *
 * <ul>
 *   <li>{@code actingMode}: {@code enrollment-agent} (default) or {@code impersonation};
 *   <li>{@code pendingKeyFile}: a file of base64 HMAC keys, one per line (at least 32 bytes each;
 *       the first signs, all verify; {@code #} starts a comment), or {@code pendingKey}: one such
 *       key; without either a random key is used and pending references die with the process;
 *   <li>{@code renewalGraceDays}: how long after expiry a certificate may still be renewed
 *       (default 0);
 *   <li>{@code forwardContext}: the AdditionalContext item names forwarded to the CA as request
 *       attributes (default {@code cdc,rmd,ccm}); {@code SAN}, {@code requestername} and {@code
 *       CertificateTemplate} are never forwarded;
 *   <li>{@code trustedIssuersFile}: PEM or DER certificates of CAs whose certificates may be
 *       renewed, besides the enterprise CAs of the directory;
 *   <li>{@code baseUrl}: the public URL of the CES context root (behind a load balancer), for the
 *       Reference URI of pending answers; without it the request's own URL is used.
 * </ul>
 */
public record CesConfig(
        ActingMode actingMode,
        PendingReferences pendingReferences,
        boolean pendingKeyGenerated,
        Duration renewalGrace,
        Set<String> forwardedContext,
        List<X509Certificate> trustedIssuers,
        Optional<URI> baseUrl) {

    public static final String PREFIX = "cews.ces.";

    /** Never forwarded, whatever is configured: the CA must not take these from the client. */
    static final Set<String> NEVER_FORWARDED = Set.of("san", "requestername", "certificatetemplate");

    public CesConfig {
        forwardedContext = Set.copyOf(forwardedContext);
        trustedIssuers = List.copyOf(trustedIssuers);
        for (String name : forwardedContext) {
            if (NEVER_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(name + " is never forwarded from AdditionalContext");
            }
        }
    }

    /** Whether the AdditionalContext item {@code name} goes to the CA. */
    public boolean forwards(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !NEVER_FORWARDED.contains(n) && forwardedContext.contains(n);
    }

    /** The settings {@code properties} hold (keys with the {@code cews.ces.} prefix). */
    public static CesConfig fromProperties(Map<String, String> properties, SecureRandom random)
            throws ConfigurationException {
        ActingMode mode =
                switch (get(properties, "actingMode").orElse("enrollment-agent").toLowerCase(Locale.ROOT)) {
                    case "enrollment-agent" -> ActingMode.ENROLLMENT_AGENT;
                    case "impersonation" -> ActingMode.IMPERSONATION;
                    default -> throw invalid("actingMode", "expected enrollment-agent or impersonation");
                };
        List<byte[]> keys = keys(properties);
        boolean generated = keys.isEmpty();
        if (generated) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            keys = List.of(key);
        }
        int graceDays;
        try {
            graceDays = Integer.parseInt(get(properties, "renewalGraceDays").orElse("0"));
        } catch (NumberFormatException e) {
            throw invalid("renewalGraceDays", "not a number of days");
        }
        if (graceDays < 0) {
            throw invalid("renewalGraceDays", "negative");
        }
        Set<String> forward = new LinkedHashSet<>();
        for (String name :
                get(properties, "forwardContext").orElse("cdc,rmd,ccm").split(",")) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (NEVER_FORWARDED.contains(n)) {
                throw invalid("forwardContext", name.strip() + " is never forwarded to the CA");
            }
            if (!n.isEmpty()) {
                forward.add(n);
            }
        }
        Optional<URI> baseUrl;
        try {
            baseUrl = get(properties, "baseUrl").map(URI::create);
        } catch (IllegalArgumentException e) {
            throw invalid("baseUrl", e.getMessage());
        }
        if (baseUrl.isPresent() && !baseUrl.get().isAbsolute()) {
            throw invalid("baseUrl", "not an absolute URL");
        }
        try {
            return new CesConfig(
                    mode,
                    new PendingReferences(keys),
                    generated,
                    Duration.ofDays(graceDays),
                    forward,
                    trusted(properties),
                    baseUrl);
        } catch (IllegalArgumentException e) {
            throw invalid("pendingKey", e.getMessage());
        }
    }

    private static List<byte[]> keys(Map<String, String> properties) throws ConfigurationException {
        Optional<String> file = get(properties, "pendingKeyFile");
        List<String> lines = new ArrayList<>();
        if (file.isPresent()) {
            try {
                lines.addAll(Files.readAllLines(Path.of(file.get()), StandardCharsets.US_ASCII));
            } catch (IOException | RuntimeException e) {
                throw invalid("pendingKeyFile", "cannot read " + file.get() + ": " + e.getMessage());
            }
        } else {
            get(properties, "pendingKey").ifPresent(lines::add);
        }
        List<byte[]> keys = new ArrayList<>();
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            try {
                keys.add(Base64.getDecoder().decode(l));
            } catch (IllegalArgumentException e) {
                throw invalid(file.isPresent() ? "pendingKeyFile" : "pendingKey", "a key is not base64");
            }
        }
        if (file.isPresent() && keys.isEmpty()) {
            throw invalid("pendingKeyFile", file.get() + " holds no key");
        }
        return keys;
    }

    private static List<X509Certificate> trusted(Map<String, String> properties) throws ConfigurationException {
        Optional<String> file = get(properties, "trustedIssuersFile");
        if (file.isEmpty()) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(Path.of(file.get()))) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) c);
            }
            return certificates;
        } catch (IOException | CertificateException | RuntimeException e) {
            throw invalid("trustedIssuersFile", "cannot read " + file.get() + ": " + e.getMessage());
        }
    }

    private static Optional<String> get(Map<String, String> properties, String name) {
        return Optional.ofNullable(properties.get(PREFIX + name))
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    private static ConfigurationException invalid(String name, String why) {
        return new ConfigurationException(CesMessage.CES0401.format(PREFIX + name, why));
    }

    /** A {@code cews.ces.*} property that cannot be used. */
    public static class ConfigurationException extends Exception {
        private static final long serialVersionUID = 1L;

        public ConfigurationException(String message) {
            super(message);
        }
    }
}
