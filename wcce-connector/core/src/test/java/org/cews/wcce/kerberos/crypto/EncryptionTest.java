package org.cews.wcce.kerberos.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EncryptionTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String AES128_SHA2_BASE = "3705d96080c17728a0e800eab6e0d23c";
    private static final String AES256_SHA2_BASE = "6d404d37faf79f9df0d33568d320669800eb4836472ea8a026d16b7182460c52";

    /** RFC 8009 appendix A, "Sample encryptions (all using the default cipher state)", usage 2. */
    @ParameterizedTest(name = "etype {0}, {2}")
    @CsvSource({
        "19, " + AES128_SHA2_BASE + ", '', 7e5895eaf2672435bad817f545a37148,"
                + " ef85fb890bb8472f4dab20394dca781dad877eda39d50c870c0d5a0a8e48c718",
        "19, " + AES128_SHA2_BASE + ", 000102030405, 7bca285e2fd4130fb55b1a5c83bc5b24,"
                + " 84d7f30754ed987bab0bf3506beb09cfb55402cef7e6877ce99e247e52d16ed4421dfdf8976c",
        "19, " + AES128_SHA2_BASE + ", 000102030405060708090a0b0c0d0e0f, 56ab21713ff62c0a1457200f6fa9948f,"
                + " 3517d640f50ddc8ad3628722b3569d2ae07493fa8263254080ea65c1008e8fc295fb4852e7d83e1e7c48c37eebe6b0d3",
        "19, " + AES128_SHA2_BASE + ", 000102030405060708090a0b0c0d0e0f1011121314, a7a4e29a4728ce10664fb64e49ad3fac,"
                + " 720f73b18d9859cd6ccb4346115cd336c70f58edc0c4437c5573544c31c813bce1e6d072c186b39a413c2f92ca9b8334a287ffcbfc",
        "20, " + AES256_SHA2_BASE + ", '', f764e9fa15c276478b2c7d0c4e5f58e4,"
                + " 41f53fa5bfe7026d91faf9be959195a058707273a96a40f0a01960621ac612748b9bbfbe7eb4ce3c",
        "20, " + AES256_SHA2_BASE + ", 000102030405, b80d3251c1f6471494256ffe712d0b9a,"
                + " 4ed7b37c2bcac8f74f23c1cf07e62bc7b75fb3f637b9f559c7f664f69eab7b6092237526ea0d1f61cb20d69d10f2",
        "20, " + AES256_SHA2_BASE + ", 000102030405060708090a0b0c0d0e0f, 53bf8a0d105265d4e276428624ce5e63,"
                + " bc47ffec7998eb91e8115cf8d19dac4bbbe2e163e87dd37f49beca92027764f68cf51f14d798c2273f35df574d1f932e40c4ff255b36a266",
        "20, " + AES256_SHA2_BASE + ", 000102030405060708090a0b0c0d0e0f1011121314, 763e65367e864f02f55153c7e3b58af1,"
                + " 40013e2df58e8751957d2878bcd2d6fe101ccfd556cb1eae79db3c3ee86429f2b2a602ac86fef6ecb647d6295fae077a1feb517508d2c16b4192e01f62",
    })
    void rfc8009AppendixA(int etype, String base, String plain, String confounder, String expected) throws Exception {
        KerberosCipher cipher = new EncryptionType(etype).requireCipher();
        byte[] key = HEX.parseHex(base);
        byte[] ciphertext = cipher.encrypt(key, KeyUsage.TICKET, HEX.parseHex(plain), HEX.parseHex(confounder));
        assertEquals(expected, HEX.formatHex(ciphertext));
        assertEquals(plain, HEX.formatHex(cipher.decrypt(key, KeyUsage.TICKET, ciphertext)));
    }

    /** RFC 8009 appendix A, "Sample checksums", usage 2. */
    @ParameterizedTest(name = "etype {0}")
    @CsvSource({
        "19, " + AES128_SHA2_BASE + ", d78367186643d67b411cba9139fc1dee",
        "20, " + AES256_SHA2_BASE + ", 45ee791567eefca37f4ac1e0222de80d43c3bfa06699672a",
    })
    void rfc8009Checksums(int etype, String base, String expected) throws Exception {
        KerberosCipher cipher = new EncryptionType(etype).requireCipher();
        byte[] data = HEX.parseHex("000102030405060708090a0b0c0d0e0f1011121314");
        assertEquals(expected, HEX.formatHex(cipher.checksum(HEX.parseHex(base), KeyUsage.TICKET, data)));
    }

    /**
     * The RFC 3961 simplified profile of RFC 3962 spelled out: C = CTS(Ke, conf | plain), H =
     * HMAC-SHA1(Ki, conf | plain)[0..12], with Ke and Ki the MIT t_derive values checked elsewhere.
     */
    @Test
    void aesSha1IsCtsThenHmacOverThePlaintext() throws Exception {
        byte[] base = HEX.parseHex("42263c6e89f4fc28b8df68ee09799f15");
        byte[] confounder = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        byte[] plain = "seventeen octets!".getBytes();
        byte[] ciphertext = AesSha1Cipher.AES128.encrypt(base, KeyUsage.TICKET, plain, confounder);
        byte[] p = AesSha1Cipher.confounded(confounder, plain);
        byte[] c = AesCts.encrypt(HEX.parseHex("5b14fc4e250e14ddf9dccf1af6674f53"), p);
        byte[] h = Hmacs.hmac("HmacSHA1", HEX.parseHex("4ed31063621684f09ae8d89991af3e8f"), 12, p);
        assertEquals(HEX.formatHex(c) + HEX.formatHex(h), HEX.formatHex(ciphertext));
    }

    @ParameterizedTest(name = "etype {0}")
    @ValueSource(ints = {17, 18, 19, 20})
    void roundTripsEveryLengthAndDetectsFlippedBytes(int etype) throws Exception {
        KerberosCipher cipher = new EncryptionType(etype).requireCipher();
        Random random = new Random(etype);
        byte[] key = new byte[cipher.keyLength()];
        random.nextBytes(key);
        for (int n = 0; n <= 70; n++) {
            byte[] plain = new byte[n];
            random.nextBytes(plain);
            byte[] ciphertext = cipher.encrypt(key, KeyUsage.AP_REQ_AUTHENTICATOR, plain, random::nextBytes);
            assertEquals(16 + n + cipher.checksumLength(), ciphertext.length);
            assertArrayEquals(plain, cipher.decrypt(key, KeyUsage.AP_REQ_AUTHENTICATOR, ciphertext));
            if (n > 17 && n != 33) {
                continue;
            }
            for (int i = 0; i < ciphertext.length; i++) {
                byte[] tampered = ciphertext.clone();
                tampered[i] ^= 0x01;
                assertThrows(
                        KerberosCryptoException.class,
                        () -> cipher.decrypt(key, KeyUsage.AP_REQ_AUTHENTICATOR, tampered),
                        "flipped byte " + i + " of " + ciphertext.length);
            }
        }
    }

    @Test
    void theWrongUsageFailsTheIntegrityCheckWithAFactualMessage() throws Exception {
        byte[] key = new byte[32];
        byte[] ciphertext = AesSha1Cipher.AES256.encrypt(key, KeyUsage.AP_REP_ENC_PART, new byte[5], new byte[16]);
        KerberosCryptoException e = assertThrows(
                KerberosCryptoException.class,
                () -> AesSha1Cipher.AES256.decrypt(key, KeyUsage.AP_REQ_AUTHENTICATOR, ciphertext));
        assertEquals(
                "integrity check of 18 aes256-cts-hmac-sha1-96 under usage 11 (expected: a matching HMAC,"
                        + " actual: a mismatch)",
                e.getMessage());
    }

    @Test
    void truncatedCiphertextIsRefusedBeforeDecrypting() {
        KerberosCryptoException e = assertThrows(
                KerberosCryptoException.class,
                () -> AesSha2Cipher.AES256.decrypt(new byte[32], KeyUsage.TICKET, Arrays.copyOf(new byte[39], 39)));
        assertEquals(
                "ciphertext length for 20 aes256-cts-hmac-sha384-192 (expected: >= 40, actual: 39)", e.getMessage());
    }

    @Test
    void unknownEncryptionTypesAreKeptAndRefusedWhenUsed() {
        EncryptionType rc4 = new EncryptionType(23);
        assertEquals(EncryptionType.RC4_HMAC, rc4);
        KerberosCryptoException e = assertThrows(KerberosCryptoException.class, rc4::requireCipher);
        assertEquals("encryption type (expected: 17, 18, 19 or 20, actual: 23 rc4-hmac)", e.getMessage());
    }
}
