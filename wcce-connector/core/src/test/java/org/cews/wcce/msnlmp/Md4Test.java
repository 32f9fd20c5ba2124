package org.cews.wcce.msnlmp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Md4Test {

    /** RFC 1320 appendix A.5, the whole test suite. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|31d6cfe0d16ae931b73c59d7e0c089c0",
                "a|bde52cb31de33e46245e05fbdbd6fb24",
                "abc|a448017aaf21d8525fc10ae87aa6729d",
                "message digest|d9130a8164549fe818874806e1c7014b",
                "abcdefghijklmnopqrstuvwxyz|d79e1c308aa5bbcdeea8ed63df412da9",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789|043f8582f241db351ce627e153e7f0e4",
                "12345678901234567890123456789012345678901234567890123456789012345678901234567890"
                        + "|e33b4ddc9c38f2199c3e7b164fcc0536"
            })
    void rfc1320Suite(String message, String digest) {
        assertEquals(digest, HexFormat.of().formatHex(Md4.digest(message.getBytes(US_ASCII))));
    }

    @Test
    void ntHashOfTheSpecPassword() {
        // [MS-NLMP] 4.2.2.1.2 NTOWFv1("Password") = MD4(UTF-16LE("Password"))
        assertEquals(
                "a4f49c406510bdcab6824ee7c30fd852",
                HexFormat.of().formatHex(Md4.digest("Password".getBytes(UTF_16LE))));
    }

    @Test
    void paddingBoundaries() {
        // 55, 56 and 64 bytes straddle the one-or-two-final-blocks boundary of RFC 1320 3.1;
        // values from OpenSSL's legacy MD4.
        assertEquals("c889c81dd86c4d2e025778944ea02881", hex(Md4.digest(repeat('a', 55))));
        assertEquals("d5f9a9e9257077a5f08b0b92f348b0ad", hex(Md4.digest(repeat('a', 56))));
        assertEquals("52f5076fabd22680234a3fa9f9dc5732", hex(Md4.digest(repeat('a', 64))));
    }

    private static byte[] repeat(char c, int n) {
        return String.valueOf(c).repeat(n).getBytes(US_ASCII);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
