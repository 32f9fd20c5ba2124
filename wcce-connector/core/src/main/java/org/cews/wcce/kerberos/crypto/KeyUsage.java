package org.cews.wcce.kerberos.crypto;

/**
 * A key usage number, the input that separates the keys derived for each purpose (RFC 4120 §7.5.1,
 * RFC 4121 §2). An open value.
 */
public record KeyUsage(int number) {

    /** RFC 4120: Ticket enc-part, encrypted with the service key. */
    public static final KeyUsage TICKET = new KeyUsage(2);
    /** RFC 4120: AP-REQ Authenticator, encrypted with the ticket session key. */
    public static final KeyUsage AP_REQ_AUTHENTICATOR = new KeyUsage(11);
    /** RFC 4120: AP-REP EncAPRepPart, encrypted with the ticket session key. */
    public static final KeyUsage AP_REP_ENC_PART = new KeyUsage(12);
    /** RFC 4121 §2: KG-USAGE-ACCEPTOR-SEAL. */
    public static final KeyUsage ACCEPTOR_SEAL = new KeyUsage(22);
    /** RFC 4121 §2: KG-USAGE-ACCEPTOR-SIGN. */
    public static final KeyUsage ACCEPTOR_SIGN = new KeyUsage(23);
    /** RFC 4121 §2: KG-USAGE-INITIATOR-SEAL. */
    public static final KeyUsage INITIATOR_SEAL = new KeyUsage(24);
    /** RFC 4121 §2: KG-USAGE-INITIATOR-SIGN. */
    public static final KeyUsage INITIATOR_SIGN = new KeyUsage(25);

    /** The five-octet derivation constant: the usage big-endian, then the purpose octet (RFC 3961 §5.3). */
    byte[] constant(int purpose) {
        return new byte[] {
            (byte) (number >>> 24), (byte) (number >>> 16), (byte) (number >>> 8), (byte) number, (byte) purpose
        };
    }
}
