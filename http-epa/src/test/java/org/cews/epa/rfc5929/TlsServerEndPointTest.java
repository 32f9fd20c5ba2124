package org.cews.epa.rfc5929;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.HexFormat;
import java.util.Optional;
import org.cews.epa.BindingException;
import org.cews.epa.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 5929 §4.1 on certificates made with openssl 3.0 (src/test/resources/rfc5929); each expected
 * hash was computed outside Java: {@code openssl x509 -in F -outform DER | openssl dgst -sha256}.
 */
class TlsServerEndPointTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        // certificate, RFC 5929 hash, openssl dgst of its DER
        "rsa-sha256.pem, SHA-256, ab587d9e21dcf8a1f9b248c442eb29d1ec881a4576821c879bc0f9da814442ec",
        "ec-sha384.pem, SHA-384,"
                + " 592431ac1858680bc5b6fc6c0a0763e9cce69ab519e35d3e2c3527ca625725ac893adb452b9b40928787258edb751cfa",
        "rsa-sha512.pem, SHA-512, 1d631550292f0f63e9ce7057d5009ad587d512b5d9f7ad55db9ca934d6ed37cce53bc1847fc557b1575e3f333dd4257b88078100f9b8e30541730e0b61ead791",
        // SHA-1 signed: SHA-256, not SHA-1 (requests-gssapi 1.4 gets this one wrong).
        "rsa-sha1.pem, SHA-256, 9fdfce32ec4ca3b05213c70e57b39dd625acfdfd99f87648044fe2a543bf1717",
        // SHA-224 is its own hash, not upgraded.
        "rsa-sha224.pem, SHA-224, f702a779a521d65628b8436649815cb529d86a1893b4c26e830b057b",
        // RSASSA-PSS: the hash comes from the parameters (SHA-384, MGF1 with SHA-384).
        "pss-sha384.pem, SHA-384,"
                + " e2d18654002f5ee54b4157e330c12b84c2a33b2aa4462f4aaf6d06357b1a62cce82e5aa836c0867ef5fbb057a6eb1707"
    })
    void theApplicationDataIsThePrefixAndTheSignatureHashOfTheDer(String file, String hash, String hex)
            throws Exception {
        X509Certificate certificate = certificate(file);

        assertEquals(Optional.of(hash), TlsServerEndPoint.hashAlgorithm(certificate));
        byte[] data = TlsServerEndPoint.applicationData(certificate);
        byte[] prefix = "tls-server-end-point:".getBytes(StandardCharsets.US_ASCII);
        assertEquals(prefix.length + hex.length() / 2, data.length);
        assertArrayEquals(prefix, java.util.Arrays.copyOf(data, prefix.length));
        assertEquals(hex, HexFormat.of().formatHex(data, prefix.length, data.length));
    }

    @Test
    void anEd25519CertificateDefinesNoBinding() throws Exception {
        X509Certificate ed = certificate("ed25519.pem");

        assertEquals(Optional.empty(), TlsServerEndPoint.hashAlgorithm(ed));
        BindingException e = assertThrows(BindingException.class, () -> TlsServerEndPoint.applicationData(ed));
        assertTrue(
                e.getMessage().startsWith("EPA0105 the server certificate CN=ed25519 is signed with Ed25519"),
                e.getMessage());
    }

    @Test
    void pssWithAnotherMaskHashDefinesNoBindingAndSha1PssBecomesSha256() throws Exception {
        // RFC 4055 §3.1 RSASSA-PSS-params: message hash SHA-256, but MGF1 with SHA-1: two hashes.
        assertEquals(Optional.empty(), TlsServerEndPoint.pssHash(pss("SHA-256", MGF1ParameterSpec.SHA1)));
        assertEquals(Optional.of("SHA-512"), TlsServerEndPoint.pssHash(pss("SHA-512", MGF1ParameterSpec.SHA512)));
        // SHA-1 for both (the parameters' defaults): RFC 5929 §4.1 turns it into SHA-256.
        assertEquals(Optional.of("SHA-256"), TlsServerEndPoint.pssHash(pss("SHA-1", MGF1ParameterSpec.SHA1)));
        assertEquals(Optional.empty(), TlsServerEndPoint.pssHash(new byte[] {0x05, 0x00}));
    }

    private static byte[] pss(String digest, MGF1ParameterSpec mgf) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("RSASSA-PSS");
        parameters.init(new PSSParameterSpec(digest, "MGF1", mgf, 32, 1));
        return parameters.getEncoded();
    }

    private static X509Certificate certificate(String file) throws Exception {
        return Fixtures.certificate(file);
    }
}
