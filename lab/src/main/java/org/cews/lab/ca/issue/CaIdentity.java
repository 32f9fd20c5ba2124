package org.cews.lab.ca.issue;

import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.cews.lab.ca.Bc;
import org.cews.lab.ca.CaKeyAlgorithm;

/**
 * The CA's signing key and certificate (MS-WCCE's Signing_Private_Key and Signing_Cert_Certificate,
 * [MS-WCCE] 3.2.1.1.4), and the trust decisions that follow from them: the lab trusts what this CA
 * issued and nothing else.
 */
public record CaIdentity(String name, PrivateKey privateKey, X509CertificateHolder certificate) {

    public ContentSigner signer() {
        try {
            return new JcaContentSignerBuilder(CaKeyAlgorithm.signatureAlgorithmFor(privateKey.getAlgorithm()))
                    .setProvider(Bc.PROVIDER)
                    .build(privateKey);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("the CA key cannot sign: " + e.getMessage(), e);
        }
    }

    public X509Certificate x509() {
        return toX509(certificate);
    }

    /** True if this CA signed {@code cert} (its issuer is our subject and our key verifies it). */
    public boolean issued(X509CertificateHolder cert) {
        if (!cert.getIssuer().equals(certificate.getSubject())) {
            return false;
        }
        try {
            return cert.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(Bc.PROVIDER)
                    .build(certificate));
        } catch (CertException | OperatorCreationException | CertificateException | RuntimeException e) {
            return false;
        }
    }

    /** True if {@code cert} is within its validity at {@code now}. */
    public static boolean validAt(X509CertificateHolder cert, Instant now) {
        return cert.isValidOn(Date.from(now));
    }

    public static X509Certificate toX509(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(holder);
        } catch (CertificateException e) {
            throw new IllegalStateException("BC cannot read a certificate it encoded: " + e.getMessage(), e);
        }
    }
}
