package org.cews.wcce.kerberos.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AesCtsTest {

    private static final HexFormat HEX = HexFormat.of();
    /** RFC 3962 appendix B: "chicken teriyaki", IV zero. */
    private static final byte[] KEY = "chicken teriyaki".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] INPUT =
            "I would like the General Gau's Chicken, please, and wonton soup.".getBytes(StandardCharsets.US_ASCII);

    /** RFC 3962 appendix B, the six CBC-CTS vectors (17, 31, 32, 47, 48 and 64 octets). */
    @ParameterizedTest(name = "{0} octets")
    @CsvSource({
        "17, c6353568f2bf8cb4d8a580362da7ff7f97",
        "31, fc00783e0efdb2c1d445d4c8eff7ed2297687268d6ecccc0c07b25e25ecfe5",
        "32, 39312523a78662d5be7fcbcc98ebf5a897687268d6ecccc0c07b25e25ecfe584",
        "47, 97687268d6ecccc0c07b25e25ecfe584b3fffd940c16a18c1b5549d2f838029e39312523a78662d5be7fcbcc98ebf5",
        "48, 97687268d6ecccc0c07b25e25ecfe5849dad8bbb96c4cdc03bc103e1a194bbd839312523a78662d5be7fcbcc98ebf5a8",
        "64, 97687268d6ecccc0c07b25e25ecfe58439312523a78662d5be7fcbcc98ebf5a8"
                + "4807efe836ee89a526730dbc2f7bc8409dad8bbb96c4cdc03bc103e1a194bbd8",
    })
    void rfc3962AppendixB(int length, String expected) throws Exception {
        byte[] plaintext = Arrays.copyOf(INPUT, length);
        byte[] ciphertext = AesCts.encrypt(KEY, plaintext);
        assertEquals(expected, HEX.formatHex(ciphertext));
        assertArrayEquals(plaintext, AesCts.decrypt(KEY, ciphertext));
    }

    @Test
    void oneBlockIsPlainCbc() throws Exception {
        byte[] block = Arrays.copyOf(INPUT, 16);
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"));
        assertArrayEquals(ecb.doFinal(block), AesCts.encrypt(KEY, block));
        assertArrayEquals(block, AesCts.decrypt(KEY, AesCts.encrypt(KEY, block)));
    }

    /** SunJCE's "AES/CTS/NoPadding" is CBC-CS3, the Kerberos variant: an independent implementation. */
    @Test
    void agreesWithSunJceCtsForEveryLengthUpTo130() throws Exception {
        Random random = new Random(3962);
        for (byte[] key : new byte[][] {new byte[16], new byte[32]}) {
            random.nextBytes(key);
            for (int n = 17; n <= 130; n++) {
                byte[] p = new byte[n];
                random.nextBytes(p);
                Cipher jce = Cipher.getInstance("AES/CTS/NoPadding");
                jce.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
                byte[] expected = jce.doFinal(p);
                assertArrayEquals(expected, AesCts.encrypt(key, p), "length " + n);
                assertArrayEquals(p, AesCts.decrypt(key, expected), "length " + n);
            }
        }
    }

    @Test
    void lessThanOneBlockIsRefused() {
        KerberosCryptoException e =
                assertThrows(KerberosCryptoException.class, () -> AesCts.decrypt(KEY, new byte[15]));
        assertEquals("AES-CTS input length (expected: >= 16, actual: 15)", e.getMessage());
    }
}
