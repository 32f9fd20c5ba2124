package org.cews.policy.acl;

import java.util.UUID;

/**
 * GUIDs in the packet representation of [MS-DTYP] 2.3.4.2 as ACEs carry them: Data1 (4 bytes),
 * Data2 and Data3 (2 bytes each) little-endian, Data4 (8 bytes) as is. So
 * {@code 0e10c968-78fb-11d2-90d4-00c04f79dc55} is {@code 68 c9 10 0e fb 78 d2 11 90 d4 00 c0 4f 79
 * dc 55} on the wire.
 */
public final class Guids {

    public static final int SIZE = 16;

    private Guids() {}

    public static UUID decode(byte[] b, int offset, int limit) throws AclFormatException {
        WireReader.require(b, offset, SIZE, limit, "GUID");
        long msb = Integer.toUnsignedLong(WireReader.u32(b, offset)) << 32
                | (long) WireReader.u16(b, offset + 4) << 16
                | WireReader.u16(b, offset + 6);
        long lsb = 0;
        for (int i = 8; i < 16; i++) {
            lsb = lsb << 8 | (b[offset + i] & 0xFF);
        }
        return new UUID(msb, lsb);
    }

    /** Decodes a GUID that fills {@code b} exactly (objectGUID values). */
    public static UUID decode(byte[] b) throws AclFormatException {
        if (b.length != SIZE) {
            throw new AclFormatException("GUID length (expected: 16, actual: " + b.length + ")");
        }
        return decode(b, 0, SIZE);
    }

    public static byte[] encode(UUID guid) {
        byte[] b = new byte[SIZE];
        encodeInto(guid, b, 0);
        return b;
    }

    static void encodeInto(UUID guid, byte[] b, int offset) {
        long msb = guid.getMostSignificantBits();
        long lsb = guid.getLeastSignificantBits();
        WireReader.putU32(b, offset, (int) (msb >>> 32));
        WireReader.putU16(b, offset + 4, (int) (msb >>> 16));
        WireReader.putU16(b, offset + 6, (int) msb);
        for (int i = 0; i < 8; i++) {
            b[offset + 8 + i] = (byte) (lsb >>> (8 * (7 - i)));
        }
    }
}
