package org.cews.wcce.msnlmp;

import static org.cews.wcce.msnlmp.SpecValues.CLIENT_CHALLENGE;
import static org.cews.wcce.msnlmp.SpecValues.DOMAIN;
import static org.cews.wcce.msnlmp.SpecValues.PASSWORD;
import static org.cews.wcce.msnlmp.SpecValues.RANDOM_SESSION_KEY;
import static org.cews.wcce.msnlmp.SpecValues.SERVER_CHALLENGE;
import static org.cews.wcce.msnlmp.SpecValues.USER;
import static org.cews.wcce.msnlmp.SpecValues.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** [MS-NLMP] 4.2.4 NTLMv2 Authentication, every value it lists. */
class NtlmV2Test {

    private static final byte[] NTOWF = NtlmV2.ntowfV2(NtlmV2.ntHash(PASSWORD), USER, DOMAIN);

    /** 4.2.4.1.3: the AV pairs are the CHALLENGE's, NbDomainName "Domain" then NbComputerName "Server". */
    private static final TargetInfo SERVER_NAME = new TargetInfo(
            List.of(AvPair.ofString(AvId.NB_DOMAIN_NAME, "Domain"), AvPair.ofString(AvId.NB_COMPUTER_NAME, "Server")));

    private static final byte[] TEMP = NtlmV2.temp(0, CLIENT_CHALLENGE, SERVER_NAME.encode());

    @Test
    void ntHashAndNtowfV2() {
        assertEquals("a4f49c406510bdcab6824ee7c30fd852", hex(NtlmV2.ntHash(PASSWORD)));
        assertEquals("0c868a403bfd7a93a3001ef22ef02e3f", hex(NTOWF)); // 4.2.4.1.1
    }

    @Test
    void userIsUppercasedButNotTheDomain() {
        assertEquals(hex(NTOWF), hex(NtlmV2.ntowfV2(NtlmV2.ntHash(PASSWORD), "uSeR", DOMAIN)));
        assertNotEquals(hex(NTOWF), hex(NtlmV2.ntowfV2(NtlmV2.ntHash(PASSWORD), USER, "DOMAIN")));
    }

    @Test
    void upperCaseKeepsTheLength() {
        assertEquals("ADMINISTRATOR", NtlmV2.upperCase("Administrator"));
        assertEquals("STRAßE", NtlmV2.upperCase("straße"));
    }

    @Test
    void temp() {
        // 4.2.4.1.3
        assertEquals(
                "0101000000000000" + "0000000000000000" + "aaaaaaaaaaaaaaaa" + "00000000"
                        + "02000c0044006f006d00610069006e00" + "01000c005300650072007600650072000000"
                        + "0000" + "00000000",
                hex(TEMP));
    }

    @Test
    void ntProofStrAndSessionBaseKey() {
        byte[] proof = NtlmV2.ntProofStr(NTOWF, SERVER_CHALLENGE, TEMP);
        assertEquals("68cd0ab851e51c96aabc927bebef6a1c", hex(proof)); // 4.2.4.2.2
        assertEquals("8de40ccadbc14a82f15cb0ad0de95ca3", hex(NtlmV2.sessionBaseKey(NTOWF, proof))); // 4.2.4.1.2
    }

    @Test
    void lmV2Response() {
        // 4.2.4.2.1
        assertEquals(
                "86c35097ac9cec102554764a57cccc19" + "aaaaaaaaaaaaaaaa",
                hex(NtlmV2.lmV2Response(NTOWF, SERVER_CHALLENGE, CLIENT_CHALLENGE)));
    }

    @Test
    void encryptedRandomSessionKeyAndBack() {
        byte[] sessionBaseKey = NtlmV2.sessionBaseKey(NTOWF, NtlmV2.ntProofStr(NTOWF, SERVER_CHALLENGE, TEMP));
        byte[] encrypted = NtlmV2.rc4k(sessionBaseKey, RANDOM_SESSION_KEY);
        assertEquals("c5dad2544fc9799094ce1ce90bc9d03e", hex(encrypted)); // 4.2.4.2.3
        assertEquals(hex(RANDOM_SESSION_KEY), hex(NtlmV2.rc4k(sessionBaseKey, encrypted)));
    }
}
