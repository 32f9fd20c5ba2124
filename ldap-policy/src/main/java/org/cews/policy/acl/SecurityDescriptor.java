package org.cews.policy.acl;

import java.util.Optional;
import org.cews.policy.FlagWord;

/**
 * A SECURITY_DESCRIPTOR in self-relative form ([MS-DTYP] 2.4.6), as nTSecurityDescriptor holds
 * it: Revision 1, Sbz1, Control, then four little-endian offsets (owner, group, SACL, DACL; 0 means
 * absent) into the same buffer. An empty {@link #dacl()} is a NULL DACL: either DACL_PRESENT is
 * clear or its offset is 0, and [MS-ADTS] 5.1.3.3.1 grants everything then.
 *
 * <p>Decoding is bounded by {@link #MAX_SIZE} and by the buffer; encoding writes SACL, DACL,
 * owner, group in that order, as the [MS-DTYP] 2.5.1.4 example does.
 */
public record SecurityDescriptor(
        int revision,
        int sbz1,
        FlagWord<SdControl> control,
        Optional<Sid> owner,
        Optional<Sid> group,
        Optional<Acl> sacl,
        Optional<Acl> dacl) {

    public static final int HEADER_SIZE = 20;

    /** Two ACLs of at most 64 KiB each plus two SIDs: anything bigger is not a descriptor. */
    public static final int MAX_SIZE = 2 * 0xFFFF + 2 * 68 + HEADER_SIZE;

    /** A self-relative descriptor with the given parts; Control gets SR, DP and SP as the parts say. */
    public static SecurityDescriptor of(int extraControl, Sid owner, Sid group, Acl dacl) {
        int control = extraControl | SdControl.SELF_RELATIVE.bit() | (dacl != null ? SdControl.DACL_PRESENT.bit() : 0);
        return new SecurityDescriptor(
                1,
                0,
                FlagWord.of(SdControl.class, control),
                Optional.ofNullable(owner),
                Optional.ofNullable(group),
                Optional.empty(),
                Optional.ofNullable(dacl));
    }

    public static SecurityDescriptor decode(byte[] b) throws AclFormatException {
        if (b.length > MAX_SIZE) {
            throw new AclFormatException(
                    "security descriptor size (expected: at most " + MAX_SIZE + ", actual: " + b.length + ")");
        }
        WireReader.require(b, 0, HEADER_SIZE, b.length, "security descriptor header");
        int revision = WireReader.u8(b, 0);
        if (revision != 1) {
            throw new AclFormatException("security descriptor Revision (expected: 1, actual: " + revision + ")");
        }
        FlagWord<SdControl> control = FlagWord.of(SdControl.class, WireReader.u16(b, 2));
        if (!control.has(SdControl.SELF_RELATIVE)) {
            throw new AclFormatException("security descriptor Control (expected: SR set, actual: " + control + ")");
        }
        Optional<Sid> owner = sidAt(b, WireReader.u32(b, 4), "OffsetOwner");
        Optional<Sid> group = sidAt(b, WireReader.u32(b, 8), "OffsetGroup");
        Optional<Acl> sacl = aclAt(b, control.has(SdControl.SACL_PRESENT), WireReader.u32(b, 12), "OffsetSacl");
        Optional<Acl> dacl = aclAt(b, control.has(SdControl.DACL_PRESENT), WireReader.u32(b, 16), "OffsetDacl");
        return new SecurityDescriptor(revision, WireReader.u8(b, 1), control, owner, group, sacl, dacl);
    }

    private static Optional<Sid> sidAt(byte[] b, int offset, String field) throws AclFormatException {
        if (offset == 0) {
            return Optional.empty();
        }
        checkOffset(b, offset, field);
        return Optional.of(Sid.decode(b, offset, b.length));
    }

    private static Optional<Acl> aclAt(byte[] b, boolean present, int offset, String field) throws AclFormatException {
        if (!present || offset == 0) {
            return Optional.empty();
        }
        checkOffset(b, offset, field);
        return Optional.of(Acl.decode(b, offset, b.length));
    }

    private static void checkOffset(byte[] b, int offset, String field) throws AclFormatException {
        if (offset < HEADER_SIZE || offset >= b.length) {
            throw new AclFormatException(
                    field + " (expected: in [20, " + b.length + "), actual: " + Integer.toUnsignedString(offset) + ")");
        }
    }

    public byte[] encode() {
        int size = HEADER_SIZE
                + sacl.map(Acl::size).orElse(0)
                + dacl.map(Acl::size).orElse(0)
                + owner.map(Sid::size).orElse(0)
                + group.map(Sid::size).orElse(0);
        byte[] b = new byte[size];
        b[0] = (byte) revision;
        b[1] = (byte) sbz1;
        WireReader.putU16(b, 2, control.value());
        int at = HEADER_SIZE;
        if (sacl.isPresent()) {
            WireReader.putU32(b, 12, at);
            sacl.get().encodeInto(b, at);
            at += sacl.get().size();
        }
        if (dacl.isPresent()) {
            WireReader.putU32(b, 16, at);
            dacl.get().encodeInto(b, at);
            at += dacl.get().size();
        }
        if (owner.isPresent()) {
            WireReader.putU32(b, 4, at);
            owner.get().encodeInto(b, at);
            at += owner.get().size();
        }
        if (group.isPresent()) {
            WireReader.putU32(b, 8, at);
            group.get().encodeInto(b, at);
        }
        return b;
    }
}
