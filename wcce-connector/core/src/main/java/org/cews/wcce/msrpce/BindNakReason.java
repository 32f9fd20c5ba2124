package org.cews.wcce.msrpce;

/**
 * The provider_reject_reason of a bind_nak (C706 12.6.3.1; [MS-RPCE] 2.2.2.5 adds 8 and 9). An
 * open value.
 */
public record BindNakReason(int code) {

    public static final BindNakReason NOT_SPECIFIED = new BindNakReason(0);
    public static final BindNakReason TEMPORARY_CONGESTION = new BindNakReason(1);
    public static final BindNakReason LOCAL_LIMIT_EXCEEDED = new BindNakReason(2);
    public static final BindNakReason PROTOCOL_VERSION_NOT_SUPPORTED = new BindNakReason(4);
    public static final BindNakReason AUTHENTICATION_TYPE_NOT_RECOGNIZED = new BindNakReason(8);
    public static final BindNakReason INVALID_CHECKSUM = new BindNakReason(9);

    public BindNakReason {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("provider_reject_reason is a u16 (actual: " + code + ")");
        }
    }

    public String name() {
        return switch (code) {
            case 0 -> "reason_not_specified";
            case 1 -> "temporary_congestion";
            case 2 -> "local_limit_exceeded";
            case 3 -> "called_paddr_unknown";
            case 4 -> "protocol_version_not_supported";
            case 5 -> "default_context_not_supported";
            case 6 -> "user_data_not_readable";
            case 7 -> "no_psap_available";
            case 8 -> "authentication_type_not_recognized";
            case 9 -> "invalid_checksum";
            default -> "unknown";
        };
    }

    @Override
    public String toString() {
        return name() + "(" + code + ")";
    }
}
