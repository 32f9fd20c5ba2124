package org.cews.wcce.msicpr;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * [MS-WCCE] 3.2.1.4.3.1.1 dwFlags: a {@link RequestType} and {@link RequestFlag} bits packed in
 * a DWORD. The raw value is kept, so bits this class does not know survive a round trip.
 */
public record RequestFlags(int value) {

    /** 0: what impacket and Certipy send, and what a retrieval must send. */
    public static final RequestFlags NONE = new RequestFlags(0);

    public static RequestFlags of(RequestType type, RequestFlag... flags) {
        int v = type.code();
        for (RequestFlag f : flags) {
            v |= f.bit();
        }
        return new RequestFlags(v);
    }

    public RequestType requestType() {
        return new RequestType(value & RequestType.MASK);
    }

    public Set<RequestFlag> flags() {
        Set<RequestFlag> set = EnumSet.noneOf(RequestFlag.class);
        for (RequestFlag f : RequestFlag.values()) {
            if ((value & f.bit()) != 0) {
                set.add(f);
            }
        }
        return set;
    }

    public boolean has(RequestFlag flag) {
        return (value & flag.bit()) != 0;
    }

    /** Set bits that are neither the RequestType nor a known flag (Padding2 included). */
    public int unknownBits() {
        int known = RequestType.MASK;
        for (RequestFlag f : RequestFlag.values()) {
            known |= f.bit();
        }
        return value & ~known;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(requestType().toString());
        flags().forEach(f -> parts.add(f.toString()));
        if (unknownBits() != 0) {
            parts.add(String.format("0x%08X", unknownBits()));
        }
        return "RequestFlags[" + String.join(" | ", parts) + "]";
    }
}
