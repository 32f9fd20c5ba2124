package org.cews.wcce.msrpce;

/**
 * The PTYPE of a PDU (C706 12.6.3.1; [MS-RPCE] 2.2.2.10 adds rpc_auth_3). An open value: decoding
 * an unknown code keeps it; whoever expects a particular PDU rejects it.
 */
public record PacketType(int code) {

    public static final PacketType REQUEST = new PacketType(0);
    public static final PacketType RESPONSE = new PacketType(2);
    public static final PacketType FAULT = new PacketType(3);
    public static final PacketType BIND = new PacketType(11);
    public static final PacketType BIND_ACK = new PacketType(12);
    public static final PacketType BIND_NAK = new PacketType(13);
    public static final PacketType ALTER_CONTEXT = new PacketType(14);
    public static final PacketType ALTER_CONTEXT_RESP = new PacketType(15);
    public static final PacketType AUTH3 = new PacketType(16);
    public static final PacketType SHUTDOWN = new PacketType(17);
    public static final PacketType CO_CANCEL = new PacketType(18);
    public static final PacketType ORPHANED = new PacketType(19);

    private static final String[] NAMES = {
        "request",
        "ping",
        "response",
        "fault",
        "working",
        "nocall",
        "reject",
        "ack",
        "cl_cancel",
        "fack",
        "cancel_ack",
        "bind",
        "bind_ack",
        "bind_nak",
        "alter_context",
        "alter_context_resp",
        "auth3",
        "shutdown",
        "co_cancel",
        "orphaned"
    };

    public PacketType {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("PTYPE is one byte (actual: " + code + ")");
        }
    }

    /** The C706 name, or {@code unknown} for a code neither C706 nor [MS-RPCE] defines. */
    public String name() {
        return code < NAMES.length ? NAMES[code] : "unknown";
    }

    @Override
    public String toString() {
        return name() + "(" + code + ")";
    }
}
