package org.cews.wcce.msrpce;

/**
 * The status of a fault PDU (C706 appendix E; [MS-RPCE] 2.2.2.8 takes the error from this field
 * only). An open value: an unknown status keeps its code and prints in hex.
 */
public record FaultStatus(int code) {

    /** ERROR_ACCESS_DENIED / nca_s_fault_access_denied. */
    public static final FaultStatus ACCESS_DENIED = new FaultStatus(0x00000005);
    /** nca_s_op_rng_error: the opnum is outside the interface. */
    public static final FaultStatus OP_RNG_ERROR = new FaultStatus(0x1C010002);
    /** nca_s_unk_if: the interface (or presentation context) is unknown. */
    public static final FaultStatus UNK_IF = new FaultStatus(0x1C010003);
    /** nca_s_proto_error: the peer broke the protocol. */
    public static final FaultStatus PROTO_ERROR = new FaultStatus(0x1C01000B);
    /** RPC_S_CALL_FAILED: the server routine failed. */
    public static final FaultStatus CALL_FAILED = new FaultStatus(0x000006BE);
    /** RPC_X_BAD_STUB_DATA: the stub could not be unmarshalled. */
    public static final FaultStatus BAD_STUB_DATA = new FaultStatus(0x000006F7);
    /** RPC_S_SEC_PKG_ERROR: the security package refused a PDU (bad signature, sequence). */
    public static final FaultStatus SEC_PKG_ERROR = new FaultStatus(0x00000721);

    public String name() {
        return switch (code) {
            case 0x00000005 -> "access_denied";
            case 0x1C010002 -> "nca_s_op_rng_error";
            case 0x1C010003 -> "nca_s_unk_if";
            case 0x1C01000B -> "nca_s_proto_error";
            case 0x000006BE -> "rpc_s_call_failed";
            case 0x000006F7 -> "rpc_x_bad_stub_data";
            case 0x00000721 -> "rpc_s_sec_pkg_error";
            default -> "unknown";
        };
    }

    @Override
    public String toString() {
        return String.format("%s(0x%08x)", name(), code);
    }
}
