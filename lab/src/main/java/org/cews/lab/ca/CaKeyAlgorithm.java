package org.cews.lab.ca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** The CA signing key the lab generates on first start, and the signature algorithm it uses. */
public enum CaKeyAlgorithm {
    /** RSA 3072 with SHA256withRSA (the default). */
    RSA_3072("SHA256withRSA"),
    /** ECDSA on P-256 with SHA256withECDSA. */
    EC_P256("SHA256withECDSA");

    private final String signatureAlgorithm;

    CaKeyAlgorithm(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The signature algorithm for a key of this JCA algorithm name ("RSA", "EC"). */
    public static String signatureAlgorithmFor(String keyAlgorithm) {
        return keyAlgorithm.equals("EC") ? EC_P256.signatureAlgorithm : RSA_3072.signatureAlgorithm;
    }

    public KeyPair generate(SecureRandom random) throws GeneralSecurityException {
        if (this == RSA_3072) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(3072, random);
            return g.generateKeyPair();
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), random);
        return g.generateKeyPair();
    }
}
