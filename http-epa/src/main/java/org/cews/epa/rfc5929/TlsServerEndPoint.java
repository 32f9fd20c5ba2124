package org.cews.epa.rfc5929;

import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cews.epa.BindingException;
import org.cews.epa.EpaMessages;

/**
 * RFC 5929 §4 {@code tls-server-end-point}: the application data of the channel binding is the
 * prefix {@code tls-server-end-point:} followed by the hash of the server certificate as sent in
 * the TLS Certificate message (its DER encoding). §4.1 chooses the hash: the one the certificate's
 * signatureAlgorithm uses, except that MD5 and SHA-1 are replaced by SHA-256; an algorithm with no
 * hash or several (Ed25519, Ed448, RSASSA-PSS whose MGF1 hash differs) defines no binding.
 */
public final class TlsServerEndPoint {

    /** RFC 5929 §4: the binding type's name and the colon, US-ASCII. */
    public static final String PREFIX = "tls-server-end-point:";

    /** RSASSA-PSS (RFC 4055 §3.1): the hash is in the algorithm's parameters. */
    static final String RSASSA_PSS = "1.2.840.113549.1.1.10";

    /** Signature algorithm OID → its single hash, per RFC 5929 §4.1 (MD5 and SHA-1 → SHA-256). */
    private static final Map<String, String> HASH_OF = Map.ofEntries(
            // RFC 3279 §2.2.1 md5WithRSAEncryption, sha1WithRSAEncryption; §2.2.2 id-dsa-with-sha1;
            // §2.2.3 ecdsa-with-SHA1: MD5 and SHA-1 are replaced by SHA-256.
            Map.entry("1.2.840.113549.1.1.4", "SHA-256"),
            Map.entry("1.2.840.113549.1.1.5", "SHA-256"),
            Map.entry("1.2.840.10040.4.3", "SHA-256"),
            Map.entry("1.2.840.10045.4.1", "SHA-256"),
            // RFC 4055 §5: sha224/256/384/512WithRSAEncryption.
            Map.entry("1.2.840.113549.1.1.14", "SHA-224"),
            Map.entry("1.2.840.113549.1.1.11", "SHA-256"),
            Map.entry("1.2.840.113549.1.1.12", "SHA-384"),
            Map.entry("1.2.840.113549.1.1.13", "SHA-512"),
            // RFC 5758 §3.2: ecdsa-with-SHA224/256/384/512; §3.1: id-dsa-with-sha224/256.
            Map.entry("1.2.840.10045.4.3.1", "SHA-224"),
            Map.entry("1.2.840.10045.4.3.2", "SHA-256"),
            Map.entry("1.2.840.10045.4.3.3", "SHA-384"),
            Map.entry("1.2.840.10045.4.3.4", "SHA-512"),
            Map.entry("2.16.840.1.101.3.4.3.1", "SHA-224"),
            Map.entry("2.16.840.1.101.3.4.3.2", "SHA-256"));

    private TlsServerEndPoint() {}

    /** The binding's application data for the certificate a TLS server presents (its leaf). */
    public static byte[] applicationData(X509Certificate server) throws BindingException {
        String hash = hashAlgorithm(server)
                .orElseThrow(() -> new BindingException(EpaMessages.EPA0105.format(
                        server.getSubjectX500Principal().getName(), server.getSigAlgName())));
        try {
            byte[] digest = MessageDigest.getInstance(hash).digest(server.getEncoded());
            byte[] prefix = PREFIX.getBytes(StandardCharsets.US_ASCII);
            byte[] out = new byte[prefix.length + digest.length];
            System.arraycopy(prefix, 0, out, 0, prefix.length);
            System.arraycopy(digest, 0, out, prefix.length, digest.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new BindingException(
                    EpaMessages.EPA0105.format(server.getSubjectX500Principal().getName(), server.getSigAlgName()), e);
        }
    }

    /** The hash RFC 5929 §4.1 assigns to the certificate's signature algorithm, if it assigns one. */
    public static Optional<String> hashAlgorithm(X509Certificate certificate) {
        String oid = certificate.getSigAlgOID();
        if (RSASSA_PSS.equals(oid)) {
            return pssHash(certificate.getSigAlgParams());
        }
        return Optional.ofNullable(HASH_OF.get(oid));
    }

    /**
     * RFC 4055 §3.1 RSASSA-PSS-params: one hash when the message digest and MGF1's digest agree
     * (RFC 5929 §4.1 "a single hash function"); SHA-1, the parameters' default, becomes SHA-256.
     */
    static Optional<String> pssHash(byte[] encodedParameters) {
        if (encodedParameters == null) {
            return Optional.of("SHA-256");
        }
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("RSASSA-PSS");
            parameters.init(encodedParameters);
            PSSParameterSpec spec = parameters.getParameterSpec(PSSParameterSpec.class);
            Optional<String> digest = standardName(spec.getDigestAlgorithm());
            if (digest.isEmpty()
                    || !(spec.getMGFParameters() instanceof MGF1ParameterSpec mgf)
                    || !digest.equals(standardName(mgf.getDigestAlgorithm()))) {
                return Optional.empty();
            }
            return digest.map(d -> "SHA-1".equals(d) ? "SHA-256" : d);
        } catch (GeneralSecurityException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> standardName(String digest) {
        String s = digest.toUpperCase(Locale.ROOT).replace("-", "");
        switch (s) {
            case "SHA1":
            case "SHA":
                return Optional.of("SHA-1");
            case "SHA224":
            case "SHA256":
            case "SHA384":
            case "SHA512":
                return Optional.of("SHA-" + s.substring(3));
            default:
                return Optional.empty();
        }
    }
}
