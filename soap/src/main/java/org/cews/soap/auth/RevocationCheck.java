package org.cews.soap.auth;

import java.nio.charset.StandardCharsets;
import java.security.cert.CRLReason;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.cews.soap.SoapMessages;
import org.cews.x690.DerException;
import org.cews.x690.Tlv;

/**
 * Revocation of a client certificate (docs/AUTHENTICATION.md §4), as the {@link RevocationPolicy}
 * of the moment says: off; CRLs only; or OCSP first ([RFC 6960], at the certificate's AIA OCSP
 * URLs, [RFC 5280] 4.2.2.1) and then CRLs ([RFC 5280] 4.2.1.13 distribution points, http URLs;
 * {@link CrlCache}). The answers must be signed by the certificate's issuer: the next certificate
 * of the chain the client sent (TLS validated that chain against the trusted CAs before), or, when
 * the client sent its certificate alone, the configured issuing CA that signed it ({@link
 * RevocationPolicy#issuers()}).
 *
 * <ul>
 *   <li>Revoked (a current CRL lists it, or OCSP says revoked): refused, whatever the policy, and
 *       one audit line (SOAP0532).
 *   <li>Good (a current CRL does not list it, or OCSP says good): accepted.
 *   <li>No answer: with {@code revocationUnavailable=refuse} refused (SOAP0533): a certificate that
 *       names no URL, or a client that sent no issuer, as {@link AuthenticationException.Kind#REFUSED}
 *       (403: it will not change), URLs that did not answer as {@link
 *       AuthenticationException.Kind#UNAVAILABLE} (503: try later); with {@code accept} accepted with
 *       an audit line (SOAP0531).
 * </ul>
 */
public class RevocationCheck {

    static final String CRL_DISTRIBUTION_POINTS = "2.5.29.31";
    static final String AUTHORITY_INFO_ACCESS = "1.3.6.1.5.5.7.1.1";
    /** id-ad-ocsp, [RFC 5280] 4.2.2.1, DER content bytes of 1.3.6.1.5.5.7.48.1. */
    private static final byte[] ID_AD_OCSP = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01};

    private static final System.Logger AUDIT = System.getLogger("org.cews.audit");

    private final Clock clock;
    private final Supplier<RevocationPolicy> policy;
    private final CrlCache crls;
    private static final String PREFIX_ISSUERS = RevocationPolicy.PREFIX + "issuers";

    private final OcspCheck ocsp = new OcspCheck();
    private final IssuerCertificates issuers = new IssuerCertificates();
    /** Soft-fail acceptances are audited once per certificate per {@link #REPORT_AGAIN}, not per request. */
    private final Reported reported;

    private static final java.time.Duration REPORT_AGAIN = java.time.Duration.ofHours(1);

    /**
     * @param policy asked at every check (the server's: the current system properties); a policy
     *     that cannot be read makes every check {@link AuthenticationException.Kind#UNAVAILABLE}
     */
    public RevocationCheck(Clock clock, Supplier<RevocationPolicy> policy) {
        this(clock, policy, CrlCache.http());
    }

    RevocationCheck(Clock clock, Supplier<RevocationPolicy> policy, CrlCache.Source crlSource) {
        this.clock = clock;
        this.policy = policy;
        this.crls = new CrlCache(clock, crlSource);
        this.reported = new Reported(clock);
    }

    /** Which keys were reported when; bounded (forgets everything past 10,000 keys). */
    private static final class Reported {
        private final Clock clock;
        private final java.util.concurrent.ConcurrentHashMap<String, java.time.Instant> when =
                new java.util.concurrent.ConcurrentHashMap<>();

        Reported(Clock clock) {
            this.clock = clock;
        }

        /** True if {@code key} was not reported within {@code again}; then it counts as reported now. */
        boolean firstIn(String key, java.time.Duration again) {
            java.time.Instant now = clock.instant();
            java.time.Instant last = when.get(key);
            if (last != null && now.isBefore(last.plus(again))) {
                return false;
            }
            if (when.size() > 10_000) {
                when.clear();
            }
            when.put(key, now);
            return true;
        }
    }

    /** Returns if {@code chain[0]} may be used, as the policy says; refuses it otherwise. */
    public void check(X509Certificate[] chain) throws AuthenticationException {
        RevocationPolicy p;
        try {
            p = policy.get();
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException(AuthenticationException.Kind.UNAVAILABLE, e.getMessage(), e);
        }
        if (p.mode() == RevocationPolicy.Mode.OFF) {
            return;
        }
        X509Certificate cert = chain[0];
        String subject = cert.getSubjectX500Principal().getName();
        List<String> crlUrls;
        List<String> ocspUrls;
        try {
            crlUrls = crlUrls(cert);
            ocspUrls = p.mode() == RevocationPolicy.Mode.OCSP ? ocspUrls(cert) : List.of();
        } catch (DerException e) {
            throw new AuthenticationException(
                    AuthenticationException.Kind.REFUSED,
                    SoapMessages.SOAP0510.format(subject, "undecodable revocation pointers: " + e.getMessage()));
        }
        if (crlUrls.isEmpty() && ocspUrls.isEmpty()) {
            unknown(
                    p,
                    cert,
                    true,
                    p.mode() == RevocationPolicy.Mode.OCSP
                            ? "it names no http CRL distribution point and no OCSP responder"
                            : "it names no http CRL distribution point");
            return;
        }
        java.util.Optional<X509Certificate> configured;
        try {
            configured = chain.length > 1 ? java.util.Optional.of(chain[1]) : issuers.issuerOf(cert, p.issuers());
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException(AuthenticationException.Kind.UNAVAILABLE, e.getMessage(), e);
        }
        if (configured.isEmpty()) {
            unknown(
                    p,
                    cert,
                    true,
                    "the client sent no issuer certificate and none of " + PREFIX_ISSUERS
                            + " issued it, to check the answers' signatures with");
            return;
        }
        X509Certificate issuer = configured.get();
        List<String> problems = new ArrayList<>();
        for (String url : ocspUrls) {
            OcspCheck.Answer answer = ocsp.ask(cert, issuer, url, clock.instant());
            if (answer instanceof OcspCheck.Answer.Good) {
                return;
            }
            if (answer instanceof OcspCheck.Answer.Revoked r) {
                throw revoked(cert, r.since(), r.reason(), "OCSP " + url);
            }
            problems.add("OCSP " + url + ": " + ((OcspCheck.Answer.NoAnswer) answer).why());
        }
        for (String url : crlUrls) {
            try {
                X509CRLEntry entry = crls.get(url, issuer, p).getRevokedCertificate(cert);
                if (entry != null) {
                    CRLReason reason = entry.getRevocationReason();
                    throw revoked(
                            cert,
                            entry.getRevocationDate().toInstant(),
                            reason == null ? "unspecified" : reason.toString(),
                            "CRL " + url);
                }
                return;
            } catch (CrlCache.Unusable e) {
                problems.add("CRL " + url + ": " + e.getMessage());
            }
        }
        unknown(p, cert, false, String.join("; ", problems));
    }

    private static AuthenticationException revoked(
            X509Certificate cert, java.time.Instant since, String reason, String source) {
        String subject = cert.getSubjectX500Principal().getName();
        AUDIT.log(
                System.Logger.Level.WARNING,
                () -> SoapMessages.SOAP0532.format(
                        subject,
                        cert.getSerialNumber().toString(16),
                        cert.getIssuerX500Principal().getName(),
                        since,
                        reason,
                        source));
        return new AuthenticationException(
                AuthenticationException.Kind.REFUSED,
                SoapMessages.SOAP0510.format(
                        subject, "revoked since " + since + ", reason " + reason + " (" + source + ")"));
    }

    /** No answer: refused or accepted as the policy says. */
    private void unknown(RevocationPolicy p, X509Certificate cert, boolean permanent, String why)
            throws AuthenticationException {
        String subject = cert.getSubjectX500Principal().getName();
        String serial = cert.getSerialNumber().toString(16);
        if (!p.refuseUnknown()) {
            if (reported.firstIn(cert.getIssuerX500Principal().getName() + "#" + serial, REPORT_AGAIN)) {
                AUDIT.log(System.Logger.Level.WARNING, () -> SoapMessages.SOAP0531.format(subject, serial, why));
            }
            return;
        }
        AUDIT.log(System.Logger.Level.WARNING, () -> SoapMessages.SOAP0533.format(subject, serial, why));
        throw new AuthenticationException(
                permanent ? AuthenticationException.Kind.REFUSED : AuthenticationException.Kind.UNAVAILABLE,
                SoapMessages.SOAP0510.format(subject, "no revocation answer: " + why));
    }

    /** The http URIs of the fullName of each distribution point ([RFC 5280] 4.2.1.13). */
    static List<String> crlUrls(X509Certificate cert) throws DerException {
        List<String> urls = new ArrayList<>();
        byte[] extension = cert.getExtensionValue(CRL_DISTRIBUTION_POINTS);
        if (extension == null) {
            return urls;
        }
        for (Tlv point : CertificateNames.extensionValue(extension, "CRL distribution points")
                .children()) {
            for (Tlv field : point.children()) {
                if (field.tag() != 0xa0) {
                    continue; // reasons, cRLIssuer
                }
                Tlv name = field.explicit();
                if (name.tag() != 0xa0) {
                    continue; // nameRelativeToCRLIssuer
                }
                for (Tlv general : name.children()) {
                    addHttp(urls, general);
                }
            }
        }
        return urls;
    }

    /** The http URIs of the id-ad-ocsp access descriptions ([RFC 5280] 4.2.2.1). */
    static List<String> ocspUrls(X509Certificate cert) throws DerException {
        List<String> urls = new ArrayList<>();
        byte[] extension = cert.getExtensionValue(AUTHORITY_INFO_ACCESS);
        if (extension == null) {
            return urls;
        }
        for (Tlv description : CertificateNames.extensionValue(extension, "authority information access")
                .children()) {
            List<Tlv> parts = description.children();
            if (parts.size() == 2
                    && parts.get(0).tag() == 0x06
                    && java.util.Arrays.equals(parts.get(0).content(), ID_AD_OCSP)) {
                addHttp(urls, parts.get(1));
            }
        }
        return urls;
    }

    /** A GeneralName uniformResourceIdentifier [6] IA5String with an http(s) URL. */
    private static void addHttp(List<String> urls, Tlv general) {
        if (general.tag() == 0x86) {
            String uri = new String(general.content(), StandardCharsets.US_ASCII);
            if (uri.regionMatches(true, 0, "http://", 0, 7) || uri.regionMatches(true, 0, "https://", 0, 8)) {
                urls.add(uri);
            }
        }
    }
}
