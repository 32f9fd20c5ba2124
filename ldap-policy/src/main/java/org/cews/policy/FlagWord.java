package org.cews.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A raw 32-bit flag word read as a set of named flags. The raw value is the truth: bits no
 * constant names are kept ({@link #unknownBits()}) and survive {@link #value()}, so decoding and
 * re-encoding never loses anything (docs/CONTRIBUTING.md rule 3). AD stores some words signed (for example
 * msPKI-Certificate-Name-Flag "-1509949440"); the bits are read as unsigned.
 */
public record FlagWord<E extends Enum<E> & BitFlag>(Class<E> type, int value) {

    public FlagWord {
        if (type == null) {
            throw new IllegalArgumentException("flag type is required");
        }
    }

    public static <E extends Enum<E> & BitFlag> FlagWord<E> of(Class<E> type, int value) {
        return new FlagWord<>(type, value);
    }

    @SafeVarargs
    public static <E extends Enum<E> & BitFlag> FlagWord<E> of(Class<E> type, E... flags) {
        int value = 0;
        for (E flag : flags) {
            value |= flag.bit();
        }
        return new FlagWord<>(type, value);
    }

    /** True if every bit of {@code flag} is set. */
    public boolean has(E flag) {
        return (value & flag.bit()) == flag.bit();
    }

    /** The named flags that are set. */
    public Set<E> flags() {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (E flag : type.getEnumConstants()) {
            if (flag.bit() != 0 && has(flag)) {
                set.add(flag);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    /** The set bits that no constant of {@code E} names. */
    public int unknownBits() {
        int known = 0;
        for (E flag : type.getEnumConstants()) {
            known |= flag.bit();
        }
        return value & ~known;
    }

    /** The raw value read as unsigned. */
    public long unsignedValue() {
        return Integer.toUnsignedLong(value);
    }

    public FlagWord<E> with(E flag) {
        return new FlagWord<>(type, value | flag.bit());
    }

    @Override
    public String toString() {
        StringBuilder sb =
                new StringBuilder(String.format("0x%08x", value)).append(' ').append(flags());
        if (unknownBits() != 0) {
            sb.append(String.format(" unknown 0x%08x", unknownBits()));
        }
        return sb.toString();
    }
}
