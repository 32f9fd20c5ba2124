package org.cews.policy.acl;

import java.util.ArrayList;
import java.util.List;

/**
 * An access control list ([MS-DTYP] 2.4.5): AclRevision (2, or 4 when object ACEs are present),
 * Sbz1, AclSize, AceCount, Sbz2, then AceCount ACEs inside AclSize. Decoding walks AceCount ACEs
 * and never past AclSize; a count that cannot fit (each ACE takes at least 4 bytes) is refused
 * before anything is allocated.
 */
public record Acl(int revision, List<Ace> aces) {

    public static final int HEADER_SIZE = 8;
    public static final int ACL_REVISION = 2;
    public static final int ACL_REVISION_DS = 4;

    public Acl {
        aces = List.copyOf(aces);
        if (revision < 0 || revision > 0xFF) {
            throw new IllegalArgumentException("AclRevision is one byte (actual: " + revision + ")");
        }
    }

    /** An ACL with the revision [MS-DTYP] 2.4.5 asks for: 4 if any object ACE is present, else 2. */
    public static Acl of(List<Ace> aces) {
        boolean object = aces.stream().anyMatch(a -> a instanceof ObjectAce);
        return new Acl(object ? ACL_REVISION_DS : ACL_REVISION, aces);
    }

    public static Acl decode(byte[] b, int offset, int limit) throws AclFormatException {
        WireReader.require(b, offset, HEADER_SIZE, limit, "ACL header");
        int revision = WireReader.u8(b, offset);
        if (revision < 1 || revision > ACL_REVISION_DS) {
            throw new AclFormatException("AclRevision (expected: 2 or 4, actual: " + revision + ")");
        }
        int aclSize = WireReader.u16(b, offset + 2);
        int aceCount = WireReader.u16(b, offset + 4);
        if (aclSize < HEADER_SIZE) {
            throw new AclFormatException("AclSize (expected: at least 8, actual: " + aclSize + ")");
        }
        WireReader.require(b, offset, aclSize, limit, "ACL");
        int end = offset + aclSize;
        if ((long) aceCount * Ace.HEADER_SIZE > aclSize - HEADER_SIZE) {
            throw new AclFormatException("AceCount (expected: at most " + (aclSize - HEADER_SIZE) / Ace.HEADER_SIZE
                    + " in AclSize " + aclSize + ", actual: " + aceCount + ")");
        }
        List<Ace> aces = new ArrayList<>(aceCount);
        int at = offset + HEADER_SIZE;
        for (int i = 0; i < aceCount; i++) {
            Ace ace = Ace.decode(b, at, end);
            aces.add(ace);
            at += ace.size();
        }
        return new Acl(revision, aces);
    }

    /** AclSize: header plus every ACE. */
    public int size() {
        int size = HEADER_SIZE;
        for (Ace ace : aces) {
            size += ace.size();
        }
        return size;
    }

    void encodeInto(byte[] b, int offset) {
        b[offset] = (byte) revision;
        WireReader.putU16(b, offset + 2, size());
        WireReader.putU16(b, offset + 4, aces.size());
        int at = offset + HEADER_SIZE;
        for (Ace ace : aces) {
            ace.encodeInto(b, at);
            at += ace.size();
        }
    }

    public byte[] encode() {
        byte[] b = new byte[size()];
        encodeInto(b, 0);
        return b;
    }
}
