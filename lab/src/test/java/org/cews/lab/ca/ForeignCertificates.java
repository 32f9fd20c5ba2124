package org.cews.lab.ca;

import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/** Self-signed certificates no lab CA issued, to play signers from elsewhere. */
final class ForeignCertificates {

    private ForeignCertificates() {}

    static X509CertificateHolder selfSigned(KeyPair key, String subject, KeyPurposeId... ekus) throws Exception {
        X500Name name = new X500Name(subject);
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                name,
                BigInteger.valueOf(42),
                Date.from(LabCaFixture.NOW.minus(Duration.ofDays(1))),
                Date.from(LabCaFixture.NOW.plus(Duration.ofDays(365))),
                name,
                key.getPublic());
        if (ekus.length > 0) {
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(ekus));
        }
        return b.build(Csr.signer(key.getPrivate()));
    }
}
