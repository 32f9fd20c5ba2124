package org.cews.wcce.kerberos.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.security.auth.kerberos.KerberosKey;
import javax.security.auth.kerberos.KerberosPrincipal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringToKeyTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String X64 = "X".repeat(64);
    private static final String X65 = "X".repeat(65);
    /** U+1D11E MUSICAL SYMBOL G CLEF, f09d849e in UTF-8. */
    private static final String G_CLEF = new String(Character.toChars(0x1D11E));

    /**
     * RFC 3962 appendix B, all seven pass phrase / salt / iteration cases: the PBKDF2 output and the
     * final key, for AES128 (17) and AES256 (18). A salt written {@code hex:...} is binary.
     */
    @ParameterizedTest(name = "etype {0}, iterations {1}, salt {3}")
    @CsvSource({
        "17, 1, password, ATHENA.MIT.EDUraeburn, cdedb5281bb2f801565a1122b2563515, 42263c6e89f4fc28b8df68ee09799f15",
        "17, 2, password, ATHENA.MIT.EDUraeburn, 01dbee7f4a9e243e988b62c73cda935d, c651bf29e2300ac27fa469d693bdda13",
        "17, 1200, password, ATHENA.MIT.EDUraeburn, 5c08eb61fdf71e4e4ec3cf6ba1f5512b, 4c01cd46d632d01e6dbe230a01ed642a",
        "17, 5, password, hex:1234567878563412, d1daa78615f287e6a1c8b120d7062a49, e9b23d52273747dd5c35cb55be619d8e",
        "17, 1200, X64, pass phrase equals block size, 139c30c0966bc32ba55fdbf212530ac9,"
                + " 59d1bb789a828b1aa54ef9c2883f69ed",
        "17, 1200, X65, pass phrase exceeds block size, 9ccad6d468770cd51b10e6a68721be61,"
                + " cb8005dc5f90179a7f02104c0018751d",
        "17, 50, GCLEF, EXAMPLE.COMpianist, 6b9cf26d45455a43a5b8bb276a403b39, f149c1f2e154a73452d43e7fe62a56e5",
        "18, 1, password, ATHENA.MIT.EDUraeburn, cdedb5281bb2f801565a1122b25635150ad1f7a04bb9f3a333ecc0e2e1f70837,"
                + " fe697b52bc0d3ce14432ba036a92e65bbb52280990a2fa27883998d72af30161",
        "18, 2, password, ATHENA.MIT.EDUraeburn, 01dbee7f4a9e243e988b62c73cda935da05378b93244ec8f48a99e61ad799d86,"
                + " a2e16d16b36069c135d5e9d2e25f896102685618b95914b467c67622225824ff",
        "18, 1200, password, ATHENA.MIT.EDUraeburn,"
                + " 5c08eb61fdf71e4e4ec3cf6ba1f5512ba7e52ddbc5e5142f708a31e2e62b1e13,"
                + " 55a6ac740ad17b4846941051e1e8b0a7548d93b0ab30a8bc3ff16280382b8c2a",
        "18, 5, password, hex:1234567878563412, d1daa78615f287e6a1c8b120d7062a493f98d203e6be49a6adf4fa574b6e64ee,"
                + " 97a4e786be20d81a382d5ebc96d5909cabcdadc87ca48f574504159f16c36e31",
        "18, 1200, X64, pass phrase equals block size,"
                + " 139c30c0966bc32ba55fdbf212530ac9c5ec59f1a452f5cc9ad940fea0598ed1,"
                + " 89adee3608db8bc71f1bfbfe459486b05618b70cbae22092534e56c553ba4b34",
        "18, 1200, X65, pass phrase exceeds block size,"
                + " 9ccad6d468770cd51b10e6a68721be611a8b4d282601db3b36be9246915ec82a,"
                + " d78c5c9cb872a8c9dad4697f0bb5b2d21496c82beb2caeda2112fceea057401b",
        "18, 50, GCLEF, EXAMPLE.COMpianist, 6b9cf26d45455a43a5b8bb276a403b39e7fe37a0c41e02c281ff3069e1e94f52,"
                + " 4b6d9839f84406df1f09cc166db4b83c571848b784a3d6bdc346589a3e393f9e",
    })
    void rfc3962AppendixB(int etype, int iterations, String password, String salt, String pbkdf2, String key)
            throws Exception {
        AesSha1Cipher cipher = (AesSha1Cipher) new EncryptionType(etype).requireCipher();
        byte[] pass = passphrase(password);
        byte[] saltBytes =
                salt.startsWith("hex:") ? HEX.parseHex(salt.substring(4)) : salt.getBytes(StandardCharsets.UTF_8);
        assertEquals(pbkdf2, HEX.formatHex(cipher.pbkdf2(pass, saltBytes, iterations)));
        assertEquals(key, HEX.formatHex(cipher.stringToKey(pass, saltBytes, iterations)));
    }

    /** RFC 8009 appendix A, "Sample results for string-to-key": salt = 16 random octets | "ATHENA.MIT.EDUraeburn". */
    @ParameterizedTest(name = "etype {0}")
    @CsvSource({
        "19, 6165733132382d6374732d686d61632d7368613235362d3132380010df9dd783e5bc8acea1730e74355f61"
                + "415448454e412e4d49542e4544557261656275726e, 089bca48b105ea6ea77ca5d2f39dc5e7",
        "20, 6165733235362d6374732d686d61632d7368613338342d3139320010df9dd783e5bc8acea1730e74355f61"
                + "415448454e412e4d49542e4544557261656275726e,"
                + " 45bd806dbf6a833a9cffc1c94589a222367a79bc21c413718906e9f578a78467",
    })
    void rfc8009AppendixA(int etype, String saltp, String key) throws Exception {
        AesSha2Cipher cipher = (AesSha2Cipher) new EncryptionType(etype).requireCipher();
        byte[] salt =
                HEX.parseHex("10df9dd783e5bc8acea1730e74355f61" + HEX.formatHex("ATHENA.MIT.EDUraeburn".getBytes()));
        assertEquals(saltp, HEX.formatHex(cipher.saltp(salt)));
        byte[] password = "password".getBytes(StandardCharsets.US_ASCII);
        assertEquals(key, HEX.formatHex(cipher.stringToKey(password, salt, 32768)));
    }

    /** The JDK's own string-to-key (KerberosKey, default iteration counts) as an independent check. */
    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "17, AES128",
        "18, AES256",
        "19, aes128-cts-hmac-sha256-128",
        "20, aes256-cts-hmac-sha384-192",
    })
    void agreesWithTheJdk(int etype, String jdkName) throws Exception {
        KerberosKey jdk = new KerberosKey(new KerberosPrincipal("cews@LAB.TEST"), "Pa$$w0rd-ü".toCharArray(), jdkName);
        assertEquals(etype, jdk.getKeyType());
        KerberosCipher cipher = new EncryptionType(etype).requireCipher();
        assertArrayEquals(jdk.getEncoded(), cipher.stringToKey("Pa$$w0rd-ü", "LAB.TESTcews"));
    }

    private static byte[] passphrase(String name) {
        String value =
                switch (name) {
                    case "X64" -> X64;
                    case "X65" -> X65;
                    case "GCLEF" -> G_CLEF;
                    default -> name;
                };
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
