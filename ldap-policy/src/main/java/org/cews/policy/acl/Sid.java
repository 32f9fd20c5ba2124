package org.cews.policy.acl;

import java.util.Arrays;

/**
 * A security identifier ([MS-DTYP] 2.4.2): the packet form of 2.4.2.2 (Revision 1,
 * SubAuthorityCount at most 15, a 48-bit big-endian IdentifierAuthority, then little-endian
 * 32-bit SubAuthorities) and the string form of 2.4.2.1 ({@code S-1-5-21-...}). Sub-authorities
 * are unsigned; they are held in {@code int}s and printed unsigned.
 */
public final class Sid {

    /** [MS-DTYP] 2.4.2.2: "The maximum number of elements allowed is 15." */
    public static final int MAX_SUB_AUTHORITIES = 15;

    private final long authority;
    private final int[] subAuthorities;

    private Sid(long authority, int[] subAuthorities) {
        this.authority = authority;
        this.subAuthorities = subAuthorities;
    }

    /** A SID from its parts; sub-authorities are unsigned 32-bit values. */
    public static Sid of(long authority, long... subAuthorities) {
        if (authority < 0 || authority > 0xFFFF_FFFF_FFFFL || subAuthorities.length > MAX_SUB_AUTHORITIES) {
            throw new IllegalArgumentException("SID authority or sub-authority count out of range");
        }
        int[] subs = new int[subAuthorities.length];
        for (int i = 0; i < subs.length; i++) {
            if (subAuthorities[i] < 0 || subAuthorities[i] > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("SID sub-authority out of range: " + subAuthorities[i]);
            }
            subs[i] = (int) subAuthorities[i];
        }
        return new Sid(authority, subs);
    }

    /** Decodes the packet form at {@code offset}, reading no further than {@code limit}. */
    public static Sid decode(byte[] b, int offset, int limit) throws AclFormatException {
        WireReader.require(b, offset, 8, limit, "SID header");
        int revision = WireReader.u8(b, offset);
        if (revision != 1) {
            throw new AclFormatException("SID revision (expected: 1, actual: " + revision + ")");
        }
        int count = WireReader.u8(b, offset + 1);
        if (count > MAX_SUB_AUTHORITIES) {
            throw new AclFormatException("SID SubAuthorityCount (expected: at most 15, actual: " + count + ")");
        }
        WireReader.require(b, offset + 8, 4 * count, limit, "SID sub-authorities");
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = authority << 8 | WireReader.u8(b, offset + 2 + i);
        }
        int[] subs = new int[count];
        for (int i = 0; i < count; i++) {
            subs[i] = WireReader.u32(b, offset + 8 + 4 * i);
        }
        return new Sid(authority, subs);
    }

    /** Decodes a SID that fills {@code b} exactly (objectSid, tokenGroups values). */
    public static Sid decode(byte[] b) throws AclFormatException {
        Sid sid = decode(b, 0, b.length);
        if (sid.size() != b.length) {
            throw new AclFormatException("SID length (expected: " + sid.size() + ", actual: " + b.length + ")");
        }
        return sid;
    }

    /** Parses the string form of [MS-DTYP] 2.4.2.1, decimal or {@code 0x} hexadecimal authority. */
    public static Sid parse(String text) throws AclFormatException {
        String[] parts = text == null ? new String[0] : text.split("-", -1);
        if (parts.length < 3 || !parts[0].equalsIgnoreCase("S") || !parts[1].equals("1")) {
            throw new AclFormatException("SID string (expected: S-1-<authority>[-<sub>]..., actual: " + text + ")");
        }
        if (parts.length - 3 > MAX_SUB_AUTHORITIES) {
            throw new AclFormatException(
                    "SID string sub-authorities (expected: at most 15, actual: " + (parts.length - 3) + ")");
        }
        try {
            long authority = parts[2].startsWith("0x") || parts[2].startsWith("0X")
                    ? Long.parseLong(parts[2].substring(2), 16)
                    : Long.parseLong(parts[2]);
            long[] subs = new long[parts.length - 3];
            for (int i = 0; i < subs.length; i++) {
                if (parts[i + 3].isEmpty() || !parts[i + 3].chars().allMatch(Character::isDigit)) {
                    throw new NumberFormatException(parts[i + 3]);
                }
                subs[i] = Long.parseLong(parts[i + 3]);
            }
            return of(authority, subs);
        } catch (IllegalArgumentException e) {
            throw new AclFormatException("SID string (expected: S-1-<authority>[-<sub>]..., actual: " + text + ")");
        }
    }

    /** This SID with one more sub-authority: a domain SID plus a RID gives an account SID. */
    public Sid withRid(long rid) {
        long[] subs = new long[subAuthorities.length + 1];
        for (int i = 0; i < subAuthorities.length; i++) {
            subs[i] = Integer.toUnsignedLong(subAuthorities[i]);
        }
        subs[subAuthorities.length] = rid;
        return of(authority, subs);
    }

    public long authority() {
        return authority;
    }

    public int subAuthorityCount() {
        return subAuthorities.length;
    }

    /** The unsigned value of sub-authority {@code i}. */
    public long subAuthority(int i) {
        return Integer.toUnsignedLong(subAuthorities[i]);
    }

    /** The packet size in bytes: 8 + 4 per sub-authority. */
    public int size() {
        return 8 + 4 * subAuthorities.length;
    }

    public byte[] encode() {
        byte[] b = new byte[size()];
        encodeInto(b, 0);
        return b;
    }

    void encodeInto(byte[] b, int offset) {
        b[offset] = 1;
        b[offset + 1] = (byte) subAuthorities.length;
        for (int i = 0; i < 6; i++) {
            b[offset + 2 + i] = (byte) (authority >>> (8 * (5 - i)));
        }
        for (int i = 0; i < subAuthorities.length; i++) {
            WireReader.putU32(b, offset + 8 + 4 * i, subAuthorities[i]);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sid other
                && authority == other.authority
                && Arrays.equals(subAuthorities, other.subAuthorities);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(authority) * 31 + Arrays.hashCode(subAuthorities);
    }

    /** The string form of [MS-DTYP] 2.4.2.1. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("S-1-");
        sb.append(authority < (1L << 32) ? Long.toString(authority) : String.format("0x%012X", authority));
        for (int sub : subAuthorities) {
            sb.append('-').append(Integer.toUnsignedString(sub));
        }
        return sb.toString();
    }
}
