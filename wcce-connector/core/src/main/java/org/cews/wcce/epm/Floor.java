package org.cews.wcce.epm;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One floor of a protocol tower (C706 appendix L): a left-hand side whose first byte is the
 * protocol identifier, and a right-hand side of related data (a minor version, a port, an
 * address). Both sides are kept as they were on the wire.
 */
public record Floor(byte[] lhs, byte[] rhs) {

    /** An interface or transfer syntax: the UUID and major version follow, the minor is the rhs. */
    public static final int PROTOCOL_UUID = 0x0D;
    /** ncacn: connection-oriented RPC; the rhs is its minor version. */
    public static final int PROTOCOL_RPC_CO = 0x0B;
    /** TCP; the rhs is the port, big-endian. */
    public static final int PROTOCOL_TCP = 0x07;
    /** IP; the rhs is the IPv4 address, network order. */
    public static final int PROTOCOL_IP = 0x09;

    public Floor {
        if (lhs.length < 1 || lhs.length > 0xFFFF || rhs.length > 0xFFFF) {
            throw new IllegalArgumentException("a floor has a 1..65535-byte lhs and a 0..65535-byte rhs (actual: "
                    + lhs.length + ", " + rhs.length + ")");
        }
        lhs = lhs.clone();
        rhs = rhs.clone();
    }

    public int protocolId() {
        return lhs[0] & 0xFF;
    }

    @Override
    public byte[] lhs() {
        return lhs.clone();
    }

    @Override
    public byte[] rhs() {
        return rhs.clone();
    }

    int encodedLength() {
        return 4 + lhs.length + rhs.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Floor f && Arrays.equals(lhs, f.lhs) && Arrays.equals(rhs, f.rhs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lhs) + Arrays.hashCode(rhs);
    }

    @Override
    public String toString() {
        return "Floor[" + HexFormat.of().formatHex(lhs) + " / " + HexFormat.of().formatHex(rhs) + "]";
    }
}
