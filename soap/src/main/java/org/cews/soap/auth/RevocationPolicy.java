package org.cews.soap.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.cews.soap.SoapMessages;

/**
 * How client certificates are checked for revocation (docs/AUTHENTICATION.md §4, the system
 * properties {@code cews.auth.certificate.*}). Read for every check ({@link RevocationCheck}), so
 * a change made with jboss-cli applies to the next request without a redeployment.
 *
 * @param mode off; CRL only; or OCSP first and the CRL when OCSP gives no answer
 * @param refuseUnknown what a certificate whose status cannot be learnt gets: refused (hard fail)
 *     or accepted with an audit line (soft fail). "Cannot be learnt": it names no CRL distribution
 *     point or OCSP responder, the client sent no issuer certificate, or no named URL answered with
 *     a current, correctly signed CRL or OCSP response. A certificate found revoked is refused
 *     either way.
 * @param crlCache the longest a fetched CRL is used before it is fetched again; never past its
 *     nextUpdate ([RFC 5280] §5.1.2.5). After this time a CRL still before its nextUpdate is used
 *     when the fetch fails.
 * @param timeout connect and read timeout of each CRL fetch
 * @param issuers files with the issuing CA certificates, for clients that send their certificate
 *     without its issuer ({@link IssuerCertificates}); the CAs of the TLS client trust
 */
public record RevocationPolicy(
        Mode mode, boolean refuseUnknown, Duration crlCache, Duration timeout, List<Path> issuers) {

    public static final String PREFIX = AuthSettings.PREFIX + "certificate.";

    /** Which sources are asked. */
    public enum Mode {
        OFF,
        CRL,
        /** OCSP ([RFC 6960]) at the certificate's AIA OCSP URL, then its CRL distribution points. */
        OCSP
    }

    public RevocationPolicy(Mode mode, boolean refuseUnknown, Duration crlCache, Duration timeout) {
        this(mode, refuseUnknown, crlCache, timeout, List.of());
    }

    public RevocationPolicy {
        issuers = List.copyOf(issuers);
        if (crlCache.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(SoapMessages.SOAP0401.format(
                    PREFIX + "crlCacheSeconds/revocationTimeoutSeconds",
                    crlCache + "/" + timeout,
                    "the cache time must not be negative, the timeout positive"));
        }
    }

    /**
     * From properties: {@code revocation} = off | crl | ocsp (true and false, the former values,
     * are crl and off; default off), {@code revocationUnavailable} = refuse | accept (default
     * refuse), {@code crlCacheSeconds} (default 3600), {@code revocationTimeoutSeconds} (default 5),
     * {@code issuers} (files, comma-separated; default none).
     */
    public static RevocationPolicy from(Properties p) {
        String mode = p.getProperty(PREFIX + "revocation", "off").strip().toLowerCase(Locale.ROOT);
        Mode m =
                switch (mode) {
                    case "off", "false", "" -> Mode.OFF;
                    case "crl", "true" -> Mode.CRL;
                    case "ocsp", "ocsp,crl", "ocsp+crl" -> Mode.OCSP;
                    default -> throw new IllegalArgumentException(
                            SoapMessages.SOAP0401.format(PREFIX + "revocation", mode, "expected: off, crl or ocsp"));
                };
        String unavailable = p.getProperty(PREFIX + "revocationUnavailable", "refuse")
                .strip()
                .toLowerCase(Locale.ROOT);
        boolean refuse =
                switch (unavailable) {
                    case "refuse", "" -> true;
                    case "accept" -> false;
                    default -> throw new IllegalArgumentException(SoapMessages.SOAP0401.format(
                            PREFIX + "revocationUnavailable", unavailable, "expected: refuse or accept"));
                };
        return new RevocationPolicy(
                m,
                refuse,
                Duration.ofSeconds(AuthSettings.number(p, "certificate.crlCacheSeconds", 3600)),
                Duration.ofSeconds(AuthSettings.number(p, "certificate.revocationTimeoutSeconds", 5)),
                Arrays.stream(p.getProperty(PREFIX + "issuers", "").split(","))
                        .map(String::strip)
                        .filter(f -> !f.isEmpty())
                        .map(Path::of)
                        .toList());
    }
}
