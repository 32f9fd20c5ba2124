package org.cews.client.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;

/** Key pairs: generated from a spec such as {@code rsa:2048} or {@code ec:p256}, and matched. */
public final class Keys {
    private Keys() {}

    /** A key spec: the algorithm and its size or curve. */
    public record KeySpec(String algorithm, int bits, String curve) {
        public static KeySpec parse(String text) throws ClientException {
            String t = text.toLowerCase(Locale.ROOT).trim();
            return switch (t) {
                case "rsa", "rsa:2048" -> new KeySpec("RSA", 2048, "");
                case "rsa:3072" -> new KeySpec("RSA", 3072, "");
                case "rsa:4096" -> new KeySpec("RSA", 4096, "");
                case "ec", "ec:p256", "ec:p-256", "ec:secp256r1" -> new KeySpec("EC", 256, "secp256r1");
                case "ec:p384", "ec:p-384", "ec:secp384r1" -> new KeySpec("EC", 384, "secp384r1");
                default -> throw new ClientException(ClientMessage.BAD_KEY_SPEC, text);
            };
        }

        @Override
        public String toString() {
            return curve.isEmpty() ? "rsa:" + bits : "ec:" + curve;
        }
    }

    public static KeyPair generate(KeySpec spec, SecureRandom random) throws ClientException {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(spec.algorithm());
            if (spec.curve().isEmpty()) {
                g.initialize(spec.bits(), random);
            } else {
                g.initialize(new ECGenParameterSpec(spec.curve()), random);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new ClientException(e, ClientMessage.CRYPTO, "generate a " + spec + " key", e.getMessage());
        }
    }

    /** The JCA signature algorithm this key signs requests with (SHA-256). */
    public static String signatureAlgorithm(PrivateKey key) {
        return "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    /** Whether {@code key} is the private half of {@code pub}: a signature by one verifies with the other. */
    public static boolean matches(PrivateKey key, PublicKey pub) {
        if (!key.getAlgorithm().equals(pub.getAlgorithm())) {
            return false;
        }
        try {
            byte[] probe = "enroll key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(signatureAlgorithm(key));
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(signatureAlgorithm(key));
            v.initVerify(pub);
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
