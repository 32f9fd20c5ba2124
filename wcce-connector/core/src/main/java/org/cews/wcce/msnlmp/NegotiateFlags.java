package org.cews.wcce.msnlmp;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The NegotiateFlags field of every NTLM message ([MS-NLMP] 2.2.2.5) as its raw 32 bits, so that
 * reserved and future bits survive a decode and re-encode; {@link NegotiateFlag} names the known
 * ones.
 */
public record NegotiateFlags(int value) {

    /** What packet privacy needs from the negotiated flags (docs/RPC-NTLM.md §2.1). */
    public static final NegotiateFlags REQUIRED_FOR_PRIVACY = of(
            NegotiateFlag.UNICODE,
            NegotiateFlag.SIGN,
            NegotiateFlag.SEAL,
            NegotiateFlag.EXTENDED_SESSIONSECURITY,
            NegotiateFlag.NEGOTIATE_128);

    public static NegotiateFlags of(NegotiateFlag... flags) {
        int v = 0;
        for (NegotiateFlag f : flags) {
            v |= f.bit();
        }
        return new NegotiateFlags(v);
    }

    public boolean has(NegotiateFlag flag) {
        return (value & flag.bit()) != 0;
    }

    public NegotiateFlags with(NegotiateFlag flag) {
        return new NegotiateFlags(value | flag.bit());
    }

    public NegotiateFlags and(NegotiateFlags other) {
        return new NegotiateFlags(value & other.value);
    }

    public NegotiateFlags or(NegotiateFlags other) {
        return new NegotiateFlags(value | other.value);
    }

    /** The named flags that are set. */
    public Set<NegotiateFlag> named() {
        EnumSet<NegotiateFlag> set = EnumSet.noneOf(NegotiateFlag.class);
        for (NegotiateFlag f : NegotiateFlag.values()) {
            if (has(f)) {
                set.add(f);
            }
        }
        return set;
    }

    /** The set bits that have no name (reserved in [MS-NLMP] 2.2.2.5). */
    public int unknownBits() {
        int known = 0;
        for (NegotiateFlag f : NegotiateFlag.values()) {
            known |= f.bit();
        }
        return value & ~known;
    }

    /**
     * Empty when every flag of {@link #REQUIRED_FOR_PRIVACY} is set; else the complaint
     * {@code <message> lacks X (expected: ..., actual: ...)}.
     */
    public Optional<String> lackForPrivacy(String message) {
        NegotiateFlags missing = missing(REQUIRED_FOR_PRIVACY);
        if (missing.value == 0) {
            return Optional.empty();
        }
        return Optional.of(message + " lacks " + missing.names() + " (expected: " + REQUIRED_FOR_PRIVACY.names()
                + ", actual: " + this + ")");
    }

    /** The bits of {@code required} that are not set here. */
    public NegotiateFlags missing(NegotiateFlags required) {
        return new NegotiateFlags(required.value & ~value);
    }

    /** The set flags by name, for example {@code UNICODE|SIGN|SEAL}; unknown bits last, in hex. */
    public String names() {
        StringJoiner names = new StringJoiner("|");
        named().forEach(f -> names.add(f.name()));
        if (unknownBits() != 0) {
            names.add(String.format("0x%08x", unknownBits()));
        }
        return names.toString();
    }

    /** For example {@code 0xe2088235 UNICODE|REQUEST_TARGET|SIGN|...}. */
    @Override
    public String toString() {
        return String.format("0x%08x %s", value, names());
    }
}
