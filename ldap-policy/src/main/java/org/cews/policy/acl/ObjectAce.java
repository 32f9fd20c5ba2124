package org.cews.policy.acl;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.cews.policy.FlagWord;

/**
 * ACCESS_ALLOWED_OBJECT_ACE, ACCESS_DENIED_OBJECT_ACE and SYSTEM_AUDIT_OBJECT_ACE ([MS-DTYP]
 * 2.4.4.3, 2.4.4.5, 2.4.4.11): Header, Mask, Flags, then ObjectType if Flags has
 * ACE_OBJECT_TYPE_PRESENT (0x1) and InheritedObjectType if it has ACE_INHERITED_OBJECT_TYPE_PRESENT
 * (0x2), then the Sid. An absent GUID takes no bytes.
 */
public record ObjectAce(
        AceType type,
        FlagWord<AceFlag> flags,
        FlagWord<AccessRight> mask,
        Optional<UUID> objectType,
        Optional<UUID> inheritedObjectType,
        Sid sid,
        byte[] trailing)
        implements Ace {

    public static final int ACE_OBJECT_TYPE_PRESENT = 0x1;
    public static final int ACE_INHERITED_OBJECT_TYPE_PRESENT = 0x2;

    public ObjectAce {
        if (!type.isObject()) {
            throw new IllegalArgumentException("not an object ACE type: " + type);
        }
        trailing = trailing == null ? new byte[0] : trailing.clone();
    }

    public ObjectAce(AceType type, int aceFlags, int mask, UUID objectType, Sid sid) {
        this(
                type,
                FlagWord.of(AceFlag.class, aceFlags),
                FlagWord.of(AccessRight.class, mask),
                Optional.ofNullable(objectType),
                Optional.empty(),
                sid,
                null);
    }

    static ObjectAce decodeBody(AceType type, FlagWord<AceFlag> flags, byte[] b, int offset, int end)
            throws AclFormatException {
        WireReader.require(b, offset, 8, end, type + " Mask and Flags");
        int mask = WireReader.u32(b, offset);
        int objectFlags = WireReader.u32(b, offset + 4);
        int at = offset + 8;
        Optional<UUID> objectType = Optional.empty();
        Optional<UUID> inheritedObjectType = Optional.empty();
        if ((objectFlags & ACE_OBJECT_TYPE_PRESENT) != 0) {
            objectType = Optional.of(Guids.decode(b, at, end));
            at += Guids.SIZE;
        }
        if ((objectFlags & ACE_INHERITED_OBJECT_TYPE_PRESENT) != 0) {
            inheritedObjectType = Optional.of(Guids.decode(b, at, end));
            at += Guids.SIZE;
        }
        Sid sid = Sid.decode(b, at, end);
        byte[] trailing = Arrays.copyOfRange(b, at + sid.size(), end);
        return new ObjectAce(
                type, flags, FlagWord.of(AccessRight.class, mask), objectType, inheritedObjectType, sid, trailing);
    }

    /** The Flags field: which GUIDs are present. */
    public int objectFlags() {
        return (objectType.isPresent() ? ACE_OBJECT_TYPE_PRESENT : 0)
                | (inheritedObjectType.isPresent() ? ACE_INHERITED_OBJECT_TYPE_PRESENT : 0);
    }

    @Override
    public byte[] trailing() {
        return trailing.clone();
    }

    @Override
    public int size() {
        return HEADER_SIZE
                + 8
                + (objectType.isPresent() ? Guids.SIZE : 0)
                + (inheritedObjectType.isPresent() ? Guids.SIZE : 0)
                + sid.size()
                + trailing.length;
    }

    @Override
    public void encodeInto(byte[] b, int offset) {
        Ace.encodeHeader(this, b, offset);
        WireReader.putU32(b, offset + 4, mask.value());
        WireReader.putU32(b, offset + 8, objectFlags());
        int at = offset + 12;
        if (objectType.isPresent()) {
            Guids.encodeInto(objectType.get(), b, at);
            at += Guids.SIZE;
        }
        if (inheritedObjectType.isPresent()) {
            Guids.encodeInto(inheritedObjectType.get(), b, at);
            at += Guids.SIZE;
        }
        sid.encodeInto(b, at);
        System.arraycopy(trailing, 0, b, at + sid.size(), trailing.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectAce a
                && type.equals(a.type)
                && flags.equals(a.flags)
                && mask.equals(a.mask)
                && objectType.equals(a.objectType)
                && inheritedObjectType.equals(a.inheritedObjectType)
                && sid.equals(a.sid)
                && Arrays.equals(trailing, a.trailing);
    }

    @Override
    public int hashCode() {
        return ((type.hashCode() * 31 + mask.hashCode()) * 31 + objectType.hashCode()) * 31 + sid.hashCode();
    }

    @Override
    public String toString() {
        return type + "(flags=" + flags + ", mask=" + mask + ", objectType="
                + objectType.map(UUID::toString).orElse("-") + ", inheritedObjectType="
                + inheritedObjectType.map(UUID::toString).orElse("-") + ", sid=" + sid
                + (trailing.length == 0 ? "" : ", trailing=" + HexFormat.of().formatHex(trailing)) + ")";
    }
}
