package org.cews.wcce.msicpr;

/**
 * [MS-WCCE] 3.2.1.4.3.1.1 the Flags and ExtendedFlags bits of {@code dwFlags}. The spec's diagram
 * numbers bits from the most significant end; the masks below are the values in the DWORD, and
 * the names are certcli.h's where it has one.
 */
public enum RequestFlag {
    /** X: include the CRLs of every returned certificate. */
    CRLS(0x00080000, "CR_IN_CRLS"),
    /** Y: a CMC full PKI response instead of CMS; the spec says Request2 only. */
    FULL_RESPONSE(0x00040000, "CR_IN_FULLRESPONSE"),
    /** Z: a renewal on behalf of another user ([MS-WCCE] 3.2.2.6.2.1.2.4). */
    ROBO_RENEWAL(0x00200000, "CR_IN_ROBO"),
    /** A: a Certificate Transparency request ([MS-WCCE] 3.2.1.4.2.1.4.3.1). */
    CERTIFICATE_TRANSPARENCY(0x04000000, "CR_IN_CERTIFICATETRANSPARENCY"),
    /** B: a pre-sign certificate request ([MS-WCCE] 3.2.1.4.2.1.4.10.1). */
    PRESIGN(0x08000000, "B (pre-sign)");

    private final int bit;
    private final String label;

    RequestFlag(int bit, String label) {
        this.bit = bit;
        this.label = label;
    }

    public int bit() {
        return bit;
    }

    @Override
    public String toString() {
        return label;
    }
}
