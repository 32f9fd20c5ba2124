package org.cews.soap.auth;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateRevokedException;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One OCSP question ([RFC 6960]) about a client certificate, asked with the JDK's PKIX revocation
 * checker restricted to OCSP (no CRL fallback: {@link RevocationCheck} does CRLs itself) and to the
 * end entity, the issuer as the only trust anchor (TLS has validated the chain already). The JDK
 * checks the response's signature (by the issuer or a responder it delegated to, §4.2.2.2) and its
 * thisUpdate/nextUpdate. Its timeout is the JVM's {@code com.sun.security.ocsp.timeout} (seconds,
 * default 15), not the policy's.
 */
final class OcspCheck {

    /** What the responder said. */
    sealed interface Answer {
        record Good() implements Answer {}

        record Revoked(Instant since, String reason) implements Answer {}

        record NoAnswer(String why) implements Answer {}
    }

    Answer ask(X509Certificate cert, X509Certificate issuer, String responder, Instant now) {
        try {
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
            checker.setOptions(
                    EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY, PKIXRevocationChecker.Option.NO_FALLBACK));
            checker.setOcspResponder(URI.create(responder));
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(issuer, null)));
            parameters.setDate(Date.from(now));
            parameters.addCertPathChecker(checker);
            validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(cert)), parameters);
            return new Answer.Good();
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED
                    && e.getCause() instanceof CertificateRevokedException revoked) {
                return new Answer.Revoked(
                        revoked.getRevocationDate().toInstant(), String.valueOf(revoked.getRevocationReason()));
            }
            if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
                return new Answer.Revoked(now, "unknown");
            }
            String why = e.getReason() == PKIXReason.NO_TRUST_ANCHOR ? "the issuer did not sign it" : e.getMessage();
            return new Answer.NoAnswer(why);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new Answer.NoAnswer(e.toString());
        }
    }
}
