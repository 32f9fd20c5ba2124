package org.cews.soap.auth;

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
import java.util.ArrayList;
import java.util.List;
import org.cews.soap.SoapMessages;
import org.cews.x690.DerException;
import org.cews.x690.Tlv;

/**
 * Revocation of a client certificate from the CRLs it names ([RFC 5280] 4.2.1.13 CRL distribution
 * points, http URLs only), fetched when asked, signed by the certificate's issuer (the next
 * certificate of the chain the client sent), current. A certificate whose CRL cannot be fetched
 * or checked is refused: with revocation checking on, "unknown" is not "good". Off by default
 * ({@link AuthSettings#revocation()}). OCSP is not done.
 */
public class RevocationCheck {

    static final String CRL_DISTRIBUTION_POINTS = "2.5.29.31";

    private final HttpClient http;
    private final Clock clock;

    public RevocationCheck(Clock clock) {
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.clock = clock;
    }

    /** Refuses {@code chain[0]} unless a CRL it names says it is not revoked. */
    public void check(X509Certificate[] chain) throws AuthenticationException {
        X509Certificate cert = chain[0];
        String subject = cert.getSubjectX500Principal().getName();
        if (chain.length < 2) {
            throw refused(subject, "the client sent no issuer certificate to check the CRL signature with");
        }
        List<String> urls;
        try {
            urls = crlUrls(cert);
        } catch (DerException e) {
            throw refused(subject, "undecodable CRL distribution points: " + e.getMessage());
        }
        if (urls.isEmpty()) {
            throw refused(subject, "it names no http CRL distribution point");
        }
        List<String> problems = new ArrayList<>();
        for (String url : urls) {
            try {
                X509CRL crl = fetch(url);
                crl.verify(chain[1].getPublicKey());
                if (crl.getNextUpdate() != null
                        && clock.instant().isAfter(crl.getNextUpdate().toInstant())) {
                    problems.add(
                            url + ": the CRL expired at " + crl.getNextUpdate().toInstant());
                    continue;
                }
                if (crl.isRevoked(cert)) {
                    throw refused(subject, "revoked (CRL " + url + ")");
                }
                return;
            } catch (IOException | GeneralSecurityException e) {
                problems.add(url + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add(url + ": interrupted");
            }
        }
        throw refused(subject, String.join("; ", problems));
    }

    private X509CRL fetch(String url) throws IOException, InterruptedException, GeneralSecurityException {
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
    }

    /** The http URIs of the fullName of each distribution point. */
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
                    if (general.tag() == 0x86) { // uniformResourceIdentifier [6] IA5String
                        String uri = new String(general.content(), java.nio.charset.StandardCharsets.US_ASCII);
                        if (uri.regionMatches(true, 0, "http://", 0, 7)
                                || uri.regionMatches(true, 0, "https://", 0, 8)) {
                            urls.add(uri);
                        }
                    }
                }
            }
        }
        return urls;
    }

    private static AuthenticationException refused(String subject, String why) {
        return new AuthenticationException(
                AuthenticationException.Kind.REFUSED, SoapMessages.SOAP0510.format(subject, why));
    }
}
