package org.cews.wcce.epm;

import java.util.ArrayList;
import java.util.List;
import org.cews.wcce.msrpce.SyntaxId;
import org.cews.wcce.ndr.NdrException;

/**
 * A protocol tower (C706 appendix L; [MS-RPCE] 3.1.3.5.3): {@code floor_count:u16le}, then per
 * floor {@code lhs_length:u16le, lhs, rhs_length:u16le, rhs}. The ncacn_ip_tcp tower has five:
 *
 * <pre>
 * 1  0x0D interface UUID (GUID order) major:u16le   | minor:u16le
 * 2  0x0D transfer syntax UUID major:u16le          | minor:u16le
 * 3  0x0B (connection-oriented RPC)                 | 00 00
 * 4  0x07 (TCP)                                     | port:u16 big-endian
 * 5  0x09 (IP)                                      | IPv4 address, 4 bytes
 * </pre>
 *
 * Decoding keeps any floors as they are; the accessors for the interface, port and address
 * refuse a tower that lacks the floor they need. Towers of more than six floors are refused, as
 * [MS-RPCE] 3.1.3.5.3 says a server should.
 */
public record Tower(List<Floor> floors) {

    public static final int MAX_FLOORS = 6;

    public Tower {
        floors = List.copyOf(floors);
        if (floors.isEmpty() || floors.size() > MAX_FLOORS) {
            throw new IllegalArgumentException(
                    "a tower has 1.." + MAX_FLOORS + " floors (actual: " + floors.size() + ")");
        }
    }

    /** The ncacn_ip_tcp tower of {@code iface} over NDR 2.0 at {@code ipv4}:{@code port}. */
    public static Tower ncacnIpTcp(SyntaxId iface, int port, byte[] ipv4) {
        if (port < 0 || port > 0xFFFF || ipv4.length != 4) {
            throw new IllegalArgumentException(
                    "port is u16 and IPv4 is 4 bytes (actual: " + port + ", " + ipv4.length + ")");
        }
        return new Tower(List.of(
                syntaxFloor(iface),
                syntaxFloor(SyntaxId.NDR20),
                new Floor(new byte[] {Floor.PROTOCOL_RPC_CO}, new byte[2]),
                new Floor(new byte[] {Floor.PROTOCOL_TCP}, new byte[] {(byte) (port >>> 8), (byte) port}),
                new Floor(new byte[] {Floor.PROTOCOL_IP}, ipv4)));
    }

    /** The tower a client sends to ept_map: port 0, address 0.0.0.0. */
    public static Tower ncacnIpTcp(SyntaxId iface) {
        return ncacnIpTcp(iface, 0, new byte[4]);
    }

    public byte[] encode() {
        int length = 2;
        for (Floor f : floors) {
            length += f.encodedLength();
        }
        byte[] b = new byte[length];
        int p = putU16(b, 0, floors.size());
        for (Floor f : floors) {
            p = putU16(b, p, f.lhs().length);
            p = put(b, p, f.lhs());
            p = putU16(b, p, f.rhs().length);
            p = put(b, p, f.rhs());
        }
        return b;
    }

    /** Parses a tower; every length is checked, and the floors must use up the bytes exactly. */
    public static Tower decode(byte[] b) throws NdrException {
        TowerReader r = new TowerReader(b);
        int count = r.u16("tower floor_count");
        if (count < 1 || count > MAX_FLOORS) {
            throw NdrException.mismatch("tower floor_count", "1.." + MAX_FLOORS, count);
        }
        List<Floor> floors = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String what = "tower floor " + i;
            int lhsLength = r.u16(what + " lhs_length");
            if (lhsLength < 1) {
                throw NdrException.mismatch(what + " lhs_length", ">= 1", 0);
            }
            byte[] lhs = r.bytes(lhsLength, what + " lhs");
            byte[] rhs = r.bytes(r.u16(what + " rhs_length"), what + " rhs");
            floors.add(new Floor(lhs, rhs));
        }
        r.expectEnd();
        return new Tower(floors);
    }

    /** Floor 1: the interface UUID and version. */
    public SyntaxId interfaceId() throws NdrException {
        Floor f = floors.get(0);
        byte[] lhs = f.lhs();
        byte[] rhs = f.rhs();
        if (f.protocolId() != Floor.PROTOCOL_UUID || lhs.length != 19 || rhs.length != 2) {
            throw NdrException.mismatch("tower floor 1", "0x0D, 19-byte lhs, 2-byte rhs", f);
        }
        return new SyntaxId(SyntaxId.fromGuidBytes(lhs, 1), u16le(lhs, 17), u16le(rhs, 0));
    }

    /** The TCP port (floor 0x07, big-endian). */
    public int tcpPort() throws NdrException {
        byte[] rhs = floor(Floor.PROTOCOL_TCP, 2, "TCP").rhs();
        return (rhs[0] & 0xFF) << 8 | (rhs[1] & 0xFF);
    }

    /** The IPv4 address (floor 0x09), network order. */
    public byte[] ipv4Address() throws NdrException {
        return floor(Floor.PROTOCOL_IP, 4, "IP").rhs();
    }

    private Floor floor(int protocolId, int rhsLength, String name) throws NdrException {
        for (Floor f : floors) {
            if (f.protocolId() == protocolId) {
                if (f.rhs().length != rhsLength) {
                    throw NdrException.mismatch("tower " + name + " floor rhs_length", rhsLength, f.rhs().length);
                }
                return f;
            }
        }
        throw NdrException.mismatch("tower " + name + " floor", String.format("protocol 0x%02X", protocolId), "none");
    }

    private static Floor syntaxFloor(SyntaxId id) {
        byte[] lhs = new byte[19];
        lhs[0] = Floor.PROTOCOL_UUID;
        System.arraycopy(SyntaxId.guidBytes(id.uuid()), 0, lhs, 1, 16);
        putU16(lhs, 17, id.major());
        byte[] rhs = new byte[2];
        putU16(rhs, 0, id.minor());
        return new Floor(lhs, rhs);
    }

    private static int putU16(byte[] b, int p, int v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        return p + 2;
    }

    private static int put(byte[] b, int p, byte[] src) {
        System.arraycopy(src, 0, b, p, src.length);
        return p + src.length;
    }

    private static int u16le(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }
}
