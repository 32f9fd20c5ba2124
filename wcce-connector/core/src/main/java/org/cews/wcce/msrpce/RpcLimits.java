package org.cews.wcce.msrpce;

/**
 * What one end of an association advertises and tolerates (C706 12.6.4.3): the largest fragment
 * it sends and receives, and the largest reassembled stub it buffers for one call.
 */
public record RpcLimits(int maxXmitFrag, int maxRecvFrag, int maxStubLength) {

    /** 5840/5840 as Windows proposes over TCP; 4 MiB of stub per call. */
    public static final RpcLimits DEFAULT = new RpcLimits(5840, 5840, 4 << 20);

    public RpcLimits {
        check("max_xmit_frag", maxXmitFrag);
        check("max_recv_frag", maxRecvFrag);
        if (maxStubLength < 0) {
            throw new IllegalArgumentException("maxStubLength (expected: >= 0, actual: " + maxStubLength + ")");
        }
    }

    private static void check(String what, int value) {
        if (value < CommonHeader.MIN_MAX_FRAG || value > 0xFFFF) {
            throw new IllegalArgumentException(
                    what + " (expected: " + CommonHeader.MIN_MAX_FRAG + "..65535, actual: " + value + ")");
        }
    }
}
