package org.cews.policy.acl;

import java.util.Arrays;
import java.util.HexFormat;
import org.cews.policy.FlagWord;

/**
 * An ACE laid out as Header, Mask, Sid: ACCESS_ALLOWED_ACE and ACCESS_DENIED_ACE ([MS-DTYP]
 * 2.4.4.2, 2.4.4.4), SYSTEM_AUDIT_ACE (2.4.4.10) and SYSTEM_MANDATORY_LABEL_ACE (2.4.4.13). Bytes
 * after the SID inside AceSize are kept in {@code trailing} so the ACE re-encodes as it came.
 */
public record SimpleAce(AceType type, FlagWord<AceFlag> flags, FlagWord<AccessRight> mask, Sid sid, byte[] trailing)
        implements Ace {

    public SimpleAce {
        if (!type.isSimple()) {
            throw new IllegalArgumentException("not a Mask/Sid ACE type: " + type);
        }
        trailing = trailing == null ? new byte[0] : trailing.clone();
    }

    public SimpleAce(AceType type, int aceFlags, int mask, Sid sid) {
        this(type, FlagWord.of(AceFlag.class, aceFlags), FlagWord.of(AccessRight.class, mask), sid, null);
    }

    static SimpleAce decodeBody(AceType type, FlagWord<AceFlag> flags, byte[] b, int offset, int end)
            throws AclFormatException {
        WireReader.require(b, offset, 4, end, type + " Mask");
        int mask = WireReader.u32(b, offset);
        Sid sid = Sid.decode(b, offset + 4, end);
        byte[] trailing = Arrays.copyOfRange(b, offset + 4 + sid.size(), end);
        return new SimpleAce(type, flags, FlagWord.of(AccessRight.class, mask), sid, trailing);
    }

    @Override
    public byte[] trailing() {
        return trailing.clone();
    }

    @Override
    public int size() {
        return HEADER_SIZE + 4 + sid.size() + trailing.length;
    }

    @Override
    public void encodeInto(byte[] b, int offset) {
        Ace.encodeHeader(this, b, offset);
        WireReader.putU32(b, offset + 4, mask.value());
        sid.encodeInto(b, offset + 8);
        System.arraycopy(trailing, 0, b, offset + 8 + sid.size(), trailing.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimpleAce a
                && type.equals(a.type)
                && flags.equals(a.flags)
                && mask.equals(a.mask)
                && sid.equals(a.sid)
                && Arrays.equals(trailing, a.trailing);
    }

    @Override
    public int hashCode() {
        return ((type.hashCode() * 31 + flags.hashCode()) * 31 + mask.hashCode()) * 31 + sid.hashCode();
    }

    @Override
    public String toString() {
        return type + "(flags=" + flags + ", mask=" + mask + ", sid=" + sid
                + (trailing.length == 0 ? "" : ", trailing=" + HexFormat.of().formatHex(trailing)) + ")";
    }
}
