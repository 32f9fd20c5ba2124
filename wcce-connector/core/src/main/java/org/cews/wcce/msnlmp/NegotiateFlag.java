package org.cews.wcce.msnlmp;

/**
 * One named bit of the NEGOTIATE structure ([MS-NLMP] 2.2.2.5), with the letter the spec's bit
 * diagram gives it. The reserved bits r1..r10 have no constant; {@link NegotiateFlags} keeps them.
 */
public enum NegotiateFlag {
    /** A: strings are UTF-16LE. */
    UNICODE(0x00000001, 'A'),
    /** B: strings are in the OEM character set. */
    OEM(0x00000002, 'B'),
    /** C: the CHALLENGE_MESSAGE carries a TargetName. */
    REQUEST_TARGET(0x00000004, 'C'),
    /** D: message integrity (session key for signatures). */
    SIGN(0x00000010, 'D'),
    /** E: message confidentiality (session key for sealing). */
    SEAL(0x00000020, 'E'),
    /** F: connectionless authentication. */
    DATAGRAM(0x00000040, 'F'),
    /** G: LAN Manager session key. */
    LM_KEY(0x00000080, 'G'),
    /** H: NTLM v1 session security; always set. */
    NTLM(0x00000200, 'H'),
    /** J: anonymous connection. */
    ANONYMOUS(0x00000800, 'J'),
    /** K: the NEGOTIATE_MESSAGE carries a DomainName. */
    OEM_DOMAIN_SUPPLIED(0x00001000, 'K'),
    /** L: the NEGOTIATE_MESSAGE carries a Workstation. */
    OEM_WORKSTATION_SUPPLIED(0x00002000, 'L'),
    /** M: a session key exists even without SIGN or SEAL. */
    ALWAYS_SIGN(0x00008000, 'M'),
    /** N: the TargetName is a domain name. */
    TARGET_TYPE_DOMAIN(0x00010000, 'N'),
    /** O: the TargetName is a server name. */
    TARGET_TYPE_SERVER(0x00020000, 'O'),
    /** P: extended session security ("NTLM2"); the only session security this package speaks. */
    EXTENDED_SESSIONSECURITY(0x00080000, 'P'),
    /** Q: identify-level token. */
    IDENTIFY(0x00100000, 'Q'),
    /** R: LMOWF-based session key. */
    REQUEST_NON_NT_SESSION_KEY(0x00400000, 'R'),
    /** S: the CHALLENGE_MESSAGE carries TargetInfo. */
    TARGET_INFO(0x00800000, 'S'),
    /** T: the messages carry a VERSION. */
    VERSION(0x02000000, 'T'),
    /** U: 128-bit sealing keys. */
    NEGOTIATE_128(0x20000000, 'U'),
    /** V: explicit key exchange (EncryptedRandomSessionKey). */
    KEY_EXCH(0x40000000, 'V'),
    /** W: 56-bit sealing keys. */
    NEGOTIATE_56(0x80000000, 'W');

    private final int bit;
    private final char letter;

    NegotiateFlag(int bit, char letter) {
        this.bit = bit;
        this.letter = letter;
    }

    public int bit() {
        return bit;
    }

    /** The bit's letter in the diagram of [MS-NLMP] 2.2.2.5. */
    public char letter() {
        return letter;
    }
}
