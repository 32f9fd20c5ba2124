package org.cews.client.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

/**
 * The renewal CMS goes out in DER: the CES refuses a request with BER indefinite lengths before
 * parsing it (found running {@code enroll renew} against the embedded default).
 */
class RenewalEncodingTest {

    @Test
    void theRenewalCmsIsDer() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair old = g.generateKeyPair();
        X500Principal name = new X500Principal("CN=alice");
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                name,
                                BigInteger.ONE,
                                new Date(),
                                new Date(System.currentTimeMillis() + 86_400_000L),
                                name,
                                old.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(old.getPrivate())));
        KeyPair fresh = g.generateKeyPair();
        PKCS10CertificationRequest pkcs10 = new JcaPKCS10CertificationRequestBuilder(name, fresh.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(fresh.getPrivate()));

        byte[] cms = CertificateRequests.renewal(pkcs10, certificate, old.getPrivate());

        assertArrayEquals(ASN1Primitive.fromByteArray(cms).getEncoded(ASN1Encoding.DER), cms);
    }
}
