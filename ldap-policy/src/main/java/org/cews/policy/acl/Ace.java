package org.cews.policy.acl;

import org.cews.policy.FlagWord;

/**
 * An access control entry ([MS-DTYP] 2.4.4): ACE_HEADER (AceType, AceFlags, AceSize) and a body
 * whose layout depends on the type. Types with the Mask/Sid layout decode as {@link SimpleAce},
 * the object types as {@link ObjectAce}, anything else is kept as an {@link OpaqueAce}.
 */
public sealed interface Ace permits SimpleAce, ObjectAce, OpaqueAce {

    /** ACE_HEADER size. */
    int HEADER_SIZE = 4;

    AceType type();

    FlagWord<AceFlag> flags();

    /** AceSize: the encoded size in bytes, header included. */
    int size();

    /** Writes the ACE, header included, at {@code offset}. */
    void encodeInto(byte[] b, int offset);

    /** Decodes one ACE at {@code offset}; its AceSize must fit before {@code limit}. */
    static Ace decode(byte[] b, int offset, int limit) throws AclFormatException {
        WireReader.require(b, offset, HEADER_SIZE, limit, "ACE header");
        AceType type = new AceType(WireReader.u8(b, offset));
        FlagWord<AceFlag> flags = FlagWord.of(AceFlag.class, WireReader.u8(b, offset + 1));
        int size = WireReader.u16(b, offset + 2);
        if (size < HEADER_SIZE) {
            throw new AclFormatException("AceSize (expected: at least 4, actual: " + size + ")");
        }
        WireReader.require(b, offset, size, limit, "ACE of type " + type);
        int end = offset + size;
        if (type.isSimple()) {
            return SimpleAce.decodeBody(type, flags, b, offset + HEADER_SIZE, end);
        }
        if (type.isObject()) {
            return ObjectAce.decodeBody(type, flags, b, offset + HEADER_SIZE, end);
        }
        byte[] body = java.util.Arrays.copyOfRange(b, offset + HEADER_SIZE, end);
        return new OpaqueAce(type, flags, body);
    }

    /** Writes the ACE_HEADER. */
    static void encodeHeader(Ace ace, byte[] b, int offset) {
        b[offset] = (byte) ace.type().code();
        b[offset + 1] = (byte) ace.flags().value();
        WireReader.putU16(b, offset + 2, ace.size());
    }
}
