package org.cews.wcce.msrpce;

/**
 * One bit of pfc_flags in the common header (C706 12.6.3.1; [MS-RPCE] 2.2.2.3 for
 * PFC_SUPPORT_HEADER_SIGN).
 */
public enum PfcFlag {
    /** First fragment of a request or response. */
    FIRST_FRAG(0x01),
    /** Last fragment of a request or response. */
    LAST_FRAG(0x02),
    /**
     * PFC_PENDING_CANCEL; on bind, bind_ack, alter_context, alter_context_resp and rpc_auth_3 the same
     * bit means PFC_SUPPORT_HEADER_SIGN ([MS-RPCE] 2.2.2.3).
     */
    PENDING_CANCEL(0x04),
    /** PFC_RESERVED_1. */
    RESERVED_1(0x08),
    /** PFC_CONC_MPX: the connection supports concurrent multiplexing. */
    CONC_MPX(0x10),
    /** PFC_DID_NOT_EXECUTE: on a fault, the call was not executed. */
    DID_NOT_EXECUTE(0x20),
    /** PFC_MAYBE: maybe semantics ([MS-RPCE] 2.2.2.2 lets us ignore it). */
    MAYBE(0x40),
    /** PFC_OBJECT_UUID: a request carries an object UUID after its header. */
    OBJECT_UUID(0x80);

    /** The 0x04 bit as bind-family PDUs read it. */
    public static final PfcFlag SUPPORT_HEADER_SIGN = PENDING_CANCEL;

    private final int bit;

    PfcFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }
}
