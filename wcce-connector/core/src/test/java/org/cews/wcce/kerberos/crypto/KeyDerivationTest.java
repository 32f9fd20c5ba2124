package org.cews.wcce.kerberos.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.cews.wcce.kerberos.crypto.KerberosCipher.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyDerivationTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String AES128_SHA2_BASE = "3705d96080c17728a0e800eab6e0d23c";
    private static final String AES256_SHA2_BASE = "6d404d37faf79f9df0d33568d320669800eb4836472ea8a026d16b7182460c52";

    /** RFC 8009 appendix A, "Sample results for key derivation", usage 2. */
    @ParameterizedTest(name = "etype {0} {2}")
    @CsvSource({
        "19, " + AES128_SHA2_BASE + ", CHECKSUM, b31a018a48f54776f403e9a396325dc3",
        "19, " + AES128_SHA2_BASE + ", ENCRYPTION, 9b197dd1e8c5609d6e67c3e37c62c72e",
        "19, " + AES128_SHA2_BASE + ", INTEGRITY, 9fda0e56ab2d85e1569a688696c26a6c",
        "20, " + AES256_SHA2_BASE + ", CHECKSUM, ef5718be86cc84963d8bbb5031e9f5c4ba41f28faf69e73d",
        "20, " + AES256_SHA2_BASE + ", ENCRYPTION, 56ab22bee63d82d7bc5227f6773f8ea7a5eb1c825160c38312980c442e5c7e49",
        "20, " + AES256_SHA2_BASE + ", INTEGRITY, 69b16514e3cd8e56b82010d5c73012b622c4d00ffc23ed1f",
    })
    void rfc8009AppendixA(int etype, String base, Purpose purpose, String expected) throws Exception {
        KerberosCipher cipher = new EncryptionType(etype).requireCipher();
        assertEquals(expected, HEX.formatHex(cipher.deriveKey(HEX.parseHex(base), KeyUsage.TICKET, purpose)));
    }

    /**
     * RFC 3962 has no derivation vectors; these are MIT krb5's lib/crypto/crypto_tests/t_derive.c for
     * usage 2, from the RFC 3962 appendix B iteration-1 keys.
     */
    @ParameterizedTest(name = "etype {0} {2}")
    @CsvSource({
        "17, 42263c6e89f4fc28b8df68ee09799f15, CHECKSUM, 34280a382bc92769b2da2f9ef066854b",
        "17, 42263c6e89f4fc28b8df68ee09799f15, ENCRYPTION, 5b14fc4e250e14ddf9dccf1af6674f53",
        "17, 42263c6e89f4fc28b8df68ee09799f15, INTEGRITY, 4ed31063621684f09ae8d89991af3e8f",
        "18, fe697b52bc0d3ce14432ba036a92e65bbb52280990a2fa27883998d72af30161, CHECKSUM,"
                + " bfab388bdcb238e9f9c98d6a878304f04d30c82556375ac507a7a852790f4674",
        "18, fe697b52bc0d3ce14432ba036a92e65bbb52280990a2fa27883998d72af30161, ENCRYPTION,"
                + " c7cfd9cd75fe793a586a542d87e0d1396f1134a104bb1a9190b8c90ada3ddf37",
        "18, fe697b52bc0d3ce14432ba036a92e65bbb52280990a2fa27883998d72af30161, INTEGRITY,"
                + " 97151b4c76945063e2eb0529dc067d97d7bba90776d8126d91f34f3101aea8ba",
    })
    void mitDeriveVectorsForRfc3962(int etype, String base, Purpose purpose, String expected) throws Exception {
        KerberosCipher cipher = new EncryptionType(etype).requireCipher();
        assertEquals(expected, HEX.formatHex(cipher.deriveKey(HEX.parseHex(base), KeyUsage.TICKET, purpose)));
    }

    @Test
    void aBaseKeyOfTheWrongLengthIsRefused() {
        KerberosCryptoException e = assertThrows(
                KerberosCryptoException.class,
                () -> AesSha1Cipher.AES256.deriveKey(new byte[16], KeyUsage.TICKET, Purpose.ENCRYPTION));
        assertEquals("key length for 18 aes256-cts-hmac-sha1-96 (expected: 32, actual: 16)", e.getMessage());
    }
}
