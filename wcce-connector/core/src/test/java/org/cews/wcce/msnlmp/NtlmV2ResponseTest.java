package org.cews.wcce.msnlmp;

import static org.cews.wcce.msnlmp.SpecValues.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NtlmV2ResponseTest {

    /** The NtChallengeResponse of [MS-NLMP] 4.2.4.3: 84 bytes at offset 132 of the AUTHENTICATE_MESSAGE. */
    private static final byte[] SPEC = Arrays.copyOfRange(Golden.load("authenticate-spec-4.2.4.3.hex"), 132, 216);

    @Test
    void decodeTheSpecResponse() throws Exception {
        NtlmV2Response r = NtlmV2Response.decode(SPEC);
        assertEquals("68cd0ab851e51c96aabc927bebef6a1c", hex(r.ntProofStr()));
        assertEquals(0, r.timestamp());
        assertEquals("aaaaaaaaaaaaaaaa", hex(r.clientChallenge()));
        assertEquals(
                List.of(
                        AvPair.ofString(AvId.NB_DOMAIN_NAME, "Domain"),
                        AvPair.ofString(AvId.NB_COMPUTER_NAME, "Server")),
                r.avPairs().pairs());
        assertEquals(hex(Arrays.copyOfRange(SPEC, 16, SPEC.length)), hex(r.temp()), "temp as received");
    }

    @Test
    void everyTruncationBeforeTheEolFails() {
        // The last four bytes are Z(4) after MsvAvEOL, which the decoder does not insist on.
        Hostile.everyTruncationFails(Arrays.copyOf(SPEC, SPEC.length - 4), NtlmV2Response::decode);
    }

    @Test
    void mutationsNeverThrowUnchecked() {
        Hostile.mutationsNeverThrowUnchecked(SPEC, NtlmV2Response::decode);
    }

    @Test
    void shortAndWrongType() {
        assertEquals(
                "NTLMv2_RESPONSE length (expected: at least 44, actual: 24)",
                assertThrows(MalformedNtlmMessageException.class, () -> NtlmV2Response.decode(new byte[24]))
                        .getMessage());
        byte[] b = SPEC.clone();
        b[16] = 2;
        assertEquals(
                "NTLMv2_CLIENT_CHALLENGE RespType (expected: 1, actual: 2)",
                assertThrows(MalformedNtlmMessageException.class, () -> NtlmV2Response.decode(b))
                        .getMessage());
    }

    @Test
    void fileTime() {
        assertEquals(116_444_736_000_000_000L, FileTime.of(Instant.EPOCH)); // [MS-DTYP] 2.3.3
        assertEquals(0, FileTime.of(SpecValues.TIME_ZERO));
        Instant t = Instant.parse("2026-11-25T12:34:56.1234567Z");
        assertEquals(t, FileTime.toInstant(FileTime.of(t)));
        assertEquals(Instant.parse("+60056-05-28T05:36:10.955161500Z"), FileTime.toInstant(-1L), "read unsigned");
    }
}
