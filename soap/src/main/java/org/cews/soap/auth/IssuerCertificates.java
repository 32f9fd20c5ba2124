package org.cews.soap.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cews.soap.SoapMessages;

/**
 * The issuing CA certificates of {@link RevocationPolicy#issuers()}, for clients that send only
 * their own certificate (a TLS client may leave a root CA out of the chain it sends, so a
 * certificate of a single-tier enterprise root CA can arrive without its issuer, whose key must
 * verify the CRL and the OCSP answer). The files (DER, or PEM with one or more certificates) are read once
 * per distinct setting.
 */
final class IssuerCertificates {

    private final ConcurrentHashMap<List<Path>, List<X509Certificate>> loaded = new ConcurrentHashMap<>();

    /** The configured certificate that issued {@code cert} (its name and its key), if any. */
    Optional<X509Certificate> issuerOf(X509Certificate cert, List<Path> files) {
        if (files.isEmpty()) {
            return Optional.empty();
        }
        for (X509Certificate candidate : loaded.computeIfAbsent(files, IssuerCertificates::load)) {
            if (candidate.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                try {
                    cert.verify(candidate.getPublicKey());
                    return Optional.of(candidate);
                } catch (GeneralSecurityException e) {
                    // the same name, another key: not this one
                }
            }
        }
        return Optional.empty();
    }

    private static List<X509Certificate> load(List<Path> files) {
        List<X509Certificate> all = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    all.add((X509Certificate) c);
                }
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException(
                        SoapMessages.SOAP0401.format(
                                RevocationPolicy.PREFIX + "issuers",
                                file,
                                "not a readable certificate file: " + e.getMessage()),
                        e);
            }
        }
        return List.copyOf(all);
    }
}
