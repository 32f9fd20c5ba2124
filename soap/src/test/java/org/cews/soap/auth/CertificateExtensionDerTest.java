package org.cews.soap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.cews.x690.DerException;
import org.cews.x690.DerSamples;
import org.junit.jupiter.api.Test;

/**
 * The SID extension read with the shared bounded reader, as {@code getExtensionValue} hands it
 * over: golden bytes, every truncation and hostile nesting a checked {@link DerException}.
 */
class CertificateExtensionDerTest {

    /**
     * The SID extension's value as AD CS writes it (and OpenSSL made for the test certificates):
     * 30 40 SEQUENCE / a0 3e [0] otherName / 06 0a OID 1.3.6.1.4.1.311.25.2.1 / a0 30 [0] /
     * 04 2e OCTET STRING "S-1-5-21-2918375215-1429853364-3387426671-1104".
     */
    static final byte[] SID_EXTENSION = HexFormat.of()
            .parseHex("3040a03e060a2b060104018237190201a030042e532d312d352d32312d323931383337353231352d31343239"
                    + "3835333336342d333338373432363637312d31313034");

    /** The extnValue OCTET STRING around {@code value}, as {@code getExtensionValue} returns it. */
    static byte[] extnValue(byte[] value) {
        return DerSamples.tlv(0x04, value);
    }

    @Test
    void readsTheSidExtension() throws Exception {
        assertEquals(
                Optional.of("S-1-5-21-2918375215-1429853364-3387426671-1104"),
                CertificateNames.sid(extnValue(SID_EXTENSION)));
        assertEquals(Optional.empty(), CertificateNames.sid(null));
    }

    @Test
    void everyTruncationIsADerException() {
        byte[] whole = extnValue(SID_EXTENSION);
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThrows(DerException.class, () -> CertificateNames.sid(cut), "length " + length);
        }
        for (int length = 0; length < SID_EXTENSION.length; length++) {
            byte[] cut = extnValue(Arrays.copyOf(SID_EXTENSION, length));
            assertThrows(DerException.class, () -> CertificateNames.sid(cut), "inner length " + length);
        }
    }

    @Test
    void fiveThousandNestedSequencesAreACheckedException() {
        byte[] hostile = extnValue(DerSamples.definite(5_000));
        DerException e = assertThrows(DerException.class, () -> CertificateNames.sid(hostile));
        assertEquals(DerException.Reason.TOO_DEEP, e.reason());
    }

    @Test
    void indefiniteAndOversizedLengthsAreRefused() {
        for (String hex : new String[] {"3080", "3084ffffffff", "1f0100", "04000400", "0400"}) {
            byte[] value = extnValue(HexFormat.of().parseHex(hex));
            assertThrows(DerException.class, () -> CertificateNames.sid(value), hex);
        }
    }
}
