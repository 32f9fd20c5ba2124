package org.cews.policy.acl;

import java.util.Arrays;
import java.util.HexFormat;
import org.cews.policy.FlagWord;

/**
 * An ACE whose type this module does not interpret (callback, conditional, resource-attribute,
 * scoped-policy and future types of [MS-DTYP] 2.4.4.1): the body is kept byte for byte and access
 * checks skip it.
 */
public record OpaqueAce(AceType type, FlagWord<AceFlag> flags, byte[] body) implements Ace {

    public OpaqueAce {
        body = body.clone();
        if (HEADER_SIZE + body.length > 0xFFFF) {
            throw new IllegalArgumentException("ACE body too large: " + body.length);
        }
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public int size() {
        return HEADER_SIZE + body.length;
    }

    @Override
    public void encodeInto(byte[] b, int offset) {
        Ace.encodeHeader(this, b, offset);
        System.arraycopy(body, 0, b, offset + HEADER_SIZE, body.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpaqueAce a && type.equals(a.type) && flags.equals(a.flags) && Arrays.equals(body, a.body);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return type + "(flags=" + flags + ", body=" + HexFormat.of().formatHex(body) + ")";
    }
}
