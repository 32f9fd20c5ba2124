package org.cews.lab.ca.policy;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.cews.lab.ca.CertSrvErrors;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.RaApplicationPolicies;

/**
 * The requested key against the template: [MS-WCCE] 3.2.2.6.2.1.4.5.2 msPKI-Minimal-Key-Size
 * (CERTSRV_E_KEY_LENGTH), and the algorithm. Schema 1 and 2 templates name CryptoAPI CSPs, which
 * hold RSA keys only; schema 3+ templates (CNG) take EC keys on P-256, P-384 and P-521, and when
 * they name msPKI-Asymmetric-Algorithm ([MS-CRTD] 2.23.2) the key must be of that algorithm. A
 * wrong algorithm is NTE_BAD_ALGID [inferred].
 */
public final class KeyRules {

    private static final Map<ASN1ObjectIdentifier, Integer> CURVES = Map.of(
            SECObjectIdentifiers.secp256r1, 256,
            SECObjectIdentifiers.secp384r1, 384,
            SECObjectIdentifiers.secp521r1, 521);

    private KeyRules() {}

    /** A key as the rules see it: "RSA" or "EC" and its size in bits. */
    public record KeyFacts(String algorithm, int bits) {}

    public static KeyFacts check(SubjectPublicKeyInfo key, CertificateTemplate template) throws PolicyDenied {
        KeyFacts facts = facts(key);
        if (facts.algorithm().equals("EC") && template.schemaVersion() < 3) {
            throw badAlgorithm(template, facts, "schema " + template.schemaVersion() + " templates take RSA keys");
        }
        Optional<String> named =
                template.raRequirements().applicationPolicies() instanceof RaApplicationPolicies.Properties p
                        ? p.asymmetricAlgorithm()
                        : Optional.empty();
        if (named.isPresent() && !matches(named.get(), facts)) {
            throw badAlgorithm(template, facts, "the template asks for " + named.get());
        }
        if (facts.bits() < template.minimalKeySize()) {
            throw new PolicyDenied(
                    CertSrvErrors.CERTSRV_E_KEY_LENGTH,
                    "The public key does not meet the minimum size required by the specified certificate template: "
                            + facts.algorithm() + " " + facts.bits() + " bits, " + template.cn() + " needs "
                            + template.minimalKeySize() + ".");
        }
        return facts;
    }

    static KeyFacts facts(SubjectPublicKeyInfo key) throws PolicyDenied {
        ASN1ObjectIdentifier alg = key.getAlgorithm().getAlgorithm();
        try {
            if (alg.equals(PKCSObjectIdentifiers.rsaEncryption)) {
                return new KeyFacts(
                        "RSA",
                        RSAPublicKey.getInstance(key.parsePublicKey())
                                .getModulus()
                                .bitLength());
            }
            if (alg.equals(X9ObjectIdentifiers.id_ecPublicKey)
                    && key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve
                    && CURVES.containsKey(curve)) {
                return new KeyFacts("EC", CURVES.get(curve));
            }
        } catch (IOException | RuntimeException e) {
            // falls through: not a key the CA can certify
        }
        throw new PolicyDenied(
                CertSrvErrors.NTE_BAD_ALGID,
                "The public key algorithm " + alg + " " + key.getAlgorithm().getParameters() + " is not supported.");
    }

    private static boolean matches(String named, KeyFacts facts) {
        if (named.equalsIgnoreCase("RSA")) {
            return facts.algorithm().equals("RSA");
        }
        return facts.algorithm().equals("EC") && named.toUpperCase().endsWith("_P" + facts.bits());
    }

    private static PolicyDenied badAlgorithm(CertificateTemplate template, KeyFacts facts, String why) {
        return new PolicyDenied(
                CertSrvErrors.NTE_BAD_ALGID,
                "The " + facts.algorithm() + " key cannot be certified with " + template.cn() + ": " + why + ".");
    }
}
