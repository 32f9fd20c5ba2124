package org.cews.wcce.kerberos.gss;

/** The Flags octet of RFC 4121 §4.2.2 per-message tokens. */
public enum TokenFlag {
    /** Set when the acceptor sent the token. */
    SENT_BY_ACCEPTOR(0x01),
    /** Set in a Wrap token that is encrypted. */
    SEALED(0x02),
    /** Set when the acceptor's subkey (from the AP-REP) protects the token. */
    ACCEPTOR_SUBKEY(0x04);

    private final int bit;

    TokenFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The flags a token carries: who sent it, whether sealed, and whether the acceptor subkey is in use. */
    public static int of(boolean sentByAcceptor, boolean sealed, boolean acceptorSubkey) {
        return (sentByAcceptor ? SENT_BY_ACCEPTOR.bit : 0)
                | (sealed ? SEALED.bit : 0)
                | (acceptorSubkey ? ACCEPTOR_SUBKEY.bit : 0);
    }
}
