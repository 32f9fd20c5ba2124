package org.cews.wcce.msicpr;

import java.util.Map;

/**
 * [MS-WCCE] 3.2.1.4.3.1.1 RequestType: the format of {@code pctbRequest}, the byte of {@code
 * dwFlags} under mask 0x0000FF00. {@link #code()} is that byte in place (PKCS#10 is 0x100). An
 * open value: an unknown type is kept. Names as in certcli.h.
 */
public record RequestType(int code) {

    private static final Map<Integer, String> NAMES = Map.of(
            0x000, "CR_IN_FORMATANY",
            0x100, "CR_IN_PKCS10",
            0x200, "CR_IN_KEYGEN",
            0x300, "CR_IN_PKCS7",
            0x400, "CR_IN_CMC",
            0x500, "CR_IN_CHALLENGERESPONSE",
            0x600, "CR_IN_SIGNEDCERTIFICATETIMESTAMPLIST");

    /** 0x00: the CA detects the format. Required for a retrieval (status inspection). */
    public static final RequestType ANY = new RequestType(0x000);

    public static final RequestType PKCS10 = new RequestType(0x100);
    public static final RequestType KEYGEN = new RequestType(0x200);
    /** CMS, wrapping a PKCS#10 or a CMC request. */
    public static final RequestType PKCS7 = new RequestType(0x300);

    public static final RequestType CMC = new RequestType(0x400);
    /** The response to an attestation CAChallenge. */
    public static final RequestType CHALLENGE_RESPONSE = new RequestType(0x500);

    public static final RequestType SCT_LIST = new RequestType(0x600);

    public static final int MASK = 0x0000FF00;

    public RequestType {
        if ((code & ~MASK) != 0) {
            throw new IllegalArgumentException(String.format("RequestType lies in 0x0000FF00 (actual: 0x%08X)", code));
        }
    }

    @Override
    public String toString() {
        String name = NAMES.get(code);
        return name != null ? name : String.format("RequestType (0x%04X)", code);
    }
}
