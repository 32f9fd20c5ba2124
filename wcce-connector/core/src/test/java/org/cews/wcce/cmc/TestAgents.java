package org.cews.wcce.cmc;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Keys, a little CA and agent certificates for the tests, made at run time (nothing expires in the tree). */
public final class TestAgents {

    public static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    public static final KeyPair CA_KEY = rsa();
    public static final X509Certificate CA =
            certificate("CN=Test Issuing CA", CA_KEY, "CN=Test Issuing CA", CA_KEY, null);

    private TestAgents() {}

    public static KeyPair rsa() {
        return generate("RSA", null);
    }

    public static KeyPair ec(String curve) {
        return generate("EC", curve);
    }

    private static KeyPair generate(String algorithm, String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (curve == null) {
                g.initialize(2048);
            } else {
                g.initialize(new ECGenParameterSpec(curve));
            }
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An agent certificate with the Certificate Request Agent EKU, issued by {@link #CA}. */
    public static AgentCredential agent(KeyPair key) throws OnBehalfOfException {
        return AgentCredential.of(
                key.getPrivate(),
                List.of(
                        certificate(
                                "DC=example,DC=lab,CN=Users,CN=svc-ces",
                                key,
                                "CN=Test Issuing CA",
                                CA_KEY,
                                new ExtendedKeyUsage(KeyPurposeId.getInstance(
                                        new ASN1ObjectIdentifier(CmcOids.CERTIFICATE_REQUEST_AGENT)))),
                        CA));
    }

    public static X509Certificate certificate(
            String subject, KeyPair key, String issuer, KeyPair issuerKey, ExtendedKeyUsage eku) {
        return certificate(subject, key, issuer, issuerKey, eku, null);
    }

    /** {@code applicationPolicy}: one OID in Microsoft's application policies extension, or null. */
    public static X509Certificate certificate(
            String subject,
            KeyPair key,
            String issuer,
            KeyPair issuerKey,
            ExtendedKeyUsage eku,
            String applicationPolicy) {
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    new X500Name(issuer),
                    BigInteger.valueOf(subject.hashCode() & 0x7fffffffL),
                    Date.from(NOW.minusSeconds(86_400)),
                    Date.from(NOW.plusSeconds(365 * 86_400L)),
                    new X500Name(subject),
                    key.getPublic());
            if (eku != null) {
                b.addExtension(Extension.extendedKeyUsage, false, eku);
            }
            if (applicationPolicy != null) {
                b.addExtension(
                        new ASN1ObjectIdentifier(CmcOids.APPLICATION_POLICIES),
                        false,
                        new DERSequence(new PolicyInformation(new ASN1ObjectIdentifier(applicationPolicy))));
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(
                            b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] pkcs10(KeyPair key, String subject) {
        try {
            String algorithm = key.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), key.getPublic())
                    .build(new JcaContentSignerBuilder(algorithm).build(key.getPrivate()))
                    .getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
