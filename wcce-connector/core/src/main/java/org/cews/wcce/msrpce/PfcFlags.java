package org.cews.wcce.msrpce;

import java.util.StringJoiner;

/**
 * The pfc_flags byte of the common header (C706 12.6.3.1), kept as its raw value so that any bit
 * survives a round trip; {@link PfcFlag} names the bits.
 */
public record PfcFlags(int bits) {

    /** No bit set: a middle fragment. */
    public static final PfcFlags NONE = new PfcFlags(0);
    /** FIRST_FRAG | LAST_FRAG (0x03): an unfragmented PDU. */
    public static final PfcFlags FIRST_AND_LAST = of(PfcFlag.FIRST_FRAG, PfcFlag.LAST_FRAG);

    public PfcFlags {
        if (bits < 0 || bits > 0xFF) {
            throw new IllegalArgumentException("pfc_flags is one byte (actual: " + bits + ")");
        }
    }

    public static PfcFlags of(PfcFlag... flags) {
        int bits = 0;
        for (PfcFlag f : flags) {
            bits |= f.bit();
        }
        return new PfcFlags(bits);
    }

    public boolean has(PfcFlag flag) {
        return (bits & flag.bit()) != 0;
    }

    public PfcFlags with(PfcFlag flag) {
        return new PfcFlags(bits | flag.bit());
    }

    public PfcFlags without(PfcFlag flag) {
        return new PfcFlags(bits & ~flag.bit());
    }

    @Override
    public String toString() {
        StringJoiner names = new StringJoiner("|", String.format("0x%02x(", bits), ")");
        for (PfcFlag f : PfcFlag.values()) {
            if (has(f)) {
                names.add(f.name());
            }
        }
        return names.toString();
    }
}
