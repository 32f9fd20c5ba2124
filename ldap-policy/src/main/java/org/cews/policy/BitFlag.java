package org.cews.policy;

/**
 * One named bit of a Microsoft flag word. Implemented by the flag enums of this module; each
 * constant names its spec section in its javadoc, and {@link FlagWord} keeps the bits no constant
 * names.
 */
public interface BitFlag {

    /** The bit (or bits) this flag stands for in the raw 32-bit word. */
    int bit();
}
