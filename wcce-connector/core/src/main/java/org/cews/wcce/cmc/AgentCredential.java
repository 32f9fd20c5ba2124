package org.cews.wcce.cmc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * An enrollment agent's signing credential: its private key (RSA or EC) and its certificate chain,
 * the agent's certificate first. [MS-WCCE] 3.2.2.6.2.1.2.1: the CA takes a signer certificate for
 * an on-behalf-of request only with the Certificate Request Agent purpose
 * (1.3.6.1.4.1.311.20.2.1), in the EKU or in Microsoft's application policies extension; {@link
 * #of} checks that and that the key belongs to the certificate, so a wrong key store fails when it
 * is loaded, not at the CA.
 */
public record AgentCredential(PrivateKey key, List<X509Certificate> chain) {

    public AgentCredential {
        chain = List.copyOf(chain);
    }

    public static AgentCredential of(PrivateKey key, List<X509Certificate> chain) throws OnBehalfOfException {
        if (key == null || chain == null || chain.isEmpty()) {
            throw new OnBehalfOfException("enrollment agent credential (expected: a private key and its certificate"
                    + " chain, actual: " + (key == null ? "no key" : "no certificate") + ")");
        }
        X509Certificate agent = chain.get(0);
        List<String> purposes = purposes(agent);
        if (!purposes.contains(CmcOids.CERTIFICATE_REQUEST_AGENT)) {
            throw new OnBehalfOfException("enrollment agent certificate " + agent.getSubjectX500Principal()
                    + " purposes (expected: Certificate Request Agent " + CmcOids.CERTIFICATE_REQUEST_AGENT
                    + ", actual: " + purposes + ")");
        }
        String algorithm = signatureAlgorithm(key);
        try {
            byte[] probe = "cews enrollment agent key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(agent.getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new OnBehalfOfException("enrollment agent key (expected: the key of "
                        + agent.getSubjectX500Principal() + ", actual: another " + key.getAlgorithm() + " key)");
            }
        } catch (GeneralSecurityException e) {
            throw new OnBehalfOfException(
                    "enrollment agent key (expected: the key of " + agent.getSubjectX500Principal() + ", actual: "
                            + e.getMessage() + ")",
                    e);
        }
        return new AgentCredential(key, chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Whether the agent certificate is valid at {@code now} (notBefore and notAfter included). */
    public boolean validAt(Instant now) {
        X509Certificate c = certificate();
        return !now.isBefore(c.getNotBefore().toInstant())
                && !now.isAfter(c.getNotAfter().toInstant());
    }

    /**
     * The JCA signature algorithm for the key: SHA-256 with RSA; ECDSA with the hash that matches
     * the curve (SHA-256 up to P-256, SHA-384 up to P-384, SHA-512 above).
     */
    static String signatureAlgorithm(PrivateKey key) throws OnBehalfOfException {
        if ("RSA".equals(key.getAlgorithm())) {
            return "SHA256withRSA";
        }
        if (key instanceof ECKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits <= 256 ? "SHA256withECDSA" : bits <= 384 ? "SHA384withECDSA" : "SHA512withECDSA";
        }
        throw new OnBehalfOfException(
                "enrollment agent key algorithm (expected: RSA or EC, actual: " + key.getAlgorithm() + ")");
    }

    /** The EKU OIDs and the application policy OIDs of a certificate. */
    static List<String> purposes(X509Certificate certificate) throws OnBehalfOfException {
        List<String> purposes = new ArrayList<>();
        try {
            List<String> eku = certificate.getExtendedKeyUsage();
            if (eku != null) {
                purposes.addAll(eku);
            }
        } catch (CertificateParsingException e) {
            throw new OnBehalfOfException(
                    "enrollment agent certificate EKU (expected: DER, actual: " + e.getMessage() + ")", e);
        }
        byte[] extension = certificate.getExtensionValue(CmcOids.APPLICATION_POLICIES);
        if (extension != null) {
            try {
                // SEQUENCE OF PolicyInformation { policyIdentifier, qualifiers OPTIONAL }, as in RFC 5280 4.2.1.4.
                ASN1Sequence policies = ASN1Sequence.getInstance(
                        ASN1OctetString.getInstance(extension).getOctets());
                for (ASN1Encodable p : policies) {
                    purposes.add(ASN1Sequence.getInstance(p).getObjectAt(0).toString());
                }
            } catch (RuntimeException e) {
                throw new OnBehalfOfException(
                        "enrollment agent certificate application policies (expected: DER," + " actual: "
                                + e.getMessage() + ")",
                        e);
            }
        }
        return purposes;
    }
}
