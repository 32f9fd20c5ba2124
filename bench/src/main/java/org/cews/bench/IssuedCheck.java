package org.cews.bench;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.cews.wcce.api.EnrollmentResult;

/**
 * What counts as a completed request: an {@link EnrollmentResult.Issued} whose certificate parses,
 * names the lab CA as its issuer and carries the submitted request's public key. Anything else
 * (pending, denied, a wrong or broken certificate) is an error.
 */
final class IssuedCheck {

    private static final ThreadLocal<CertificateFactory> X509 = ThreadLocal.withInitial(() -> {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
    });

    private final X500Principal caSubject;

    IssuedCheck(X509Certificate caCertificate) {
        this.caSubject = caCertificate.getSubjectX500Principal();
    }

    static X509Certificate parse(byte[] der) throws CertificateException {
        return (X509Certificate) X509.get().generateCertificate(new ByteArrayInputStream(der));
    }

    /** Empty if {@code result} is the certificate {@code entry} asked for; otherwise what it is. */
    Optional<String> problem(EnrollmentResult result, RequestSet.Entry entry) {
        if (result instanceof EnrollmentResult.Denied denied) {
            return Optional.of("denied " + denied.hresultHex() + ": " + denied.message());
        }
        if (!(result instanceof EnrollmentResult.Issued issued)) {
            return Optional.of("not issued: " + result.getClass().getSimpleName() + " " + result.message());
        }
        return certificateProblem(issued.certificate(), entry.publicKey());
    }

    /** Empty if {@code der} is a certificate of this CA for {@code publicKey}; otherwise what it is. */
    Optional<String> certificateProblem(byte[] der, byte[] publicKey) {
        X509Certificate cert;
        try {
            cert = parse(der);
        } catch (CertificateException | RuntimeException e) {
            return Optional.of("issued, but the certificate does not parse: " + e.getMessage());
        }
        if (!cert.getIssuerX500Principal().equals(caSubject)) {
            return Optional.of("issued by " + cert.getIssuerX500Principal() + ", not by " + caSubject);
        }
        if (!Arrays.equals(cert.getPublicKey().getEncoded(), publicKey)) {
            return Optional.of("issued for another public key than the request's");
        }
        return Optional.empty();
    }
}
