package org.cews.wcce.msrpce;

/**
 * Protects request and response PDUs of one established security context at
 * RPC_C_AUTHN_LEVEL_PKT_PRIVACY ([MS-RPCE] 3.3.1.5.2.2): the stub is encrypted in place, the
 * verifier (auth_value) is written after the sec_trailer.
 *
 * <p>Both methods work on one complete PDU fragment laid out as it goes on the wire:
 *
 * <pre>
 *   [0, stubOffset)                         common header (final frag_length and auth_length)
 *                                           and the request/response header
 *   [stubOffset, stubOffset + length)       stub data followed by auth_pad_length pad bytes
 *   [stubOffset + length, +8)               sec_trailer
 *   [stubOffset + length + 8, end)          the verifier (auth_value)
 * </pre>
 *
 * <p>On {@link #seal} the verifier is exactly {@link #verifierLength()} bytes. On {@link #unseal} it
 * is everything after the sec_trailer, i.e. the received auth_length, which the receive path only
 * bounds (at least 16, within the fragment): a provider may accept a length that differs from
 * {@link #verifierLength()} when its protocol lets the sender choose (Kerberos: the wrap token's EC,
 * [MS-KILE] 3.4.5.4.1, RFC 4121 §4.2.4), and must otherwise refuse it with an
 * {@link RpcSecurityException} (NTLM: exactly 16).
 *
 * What the integrity check covers is the provider's business (NTLM: the whole PDU up to and
 * including the sec_trailer; Kerberos without header signing: the stub only). An instance keeps
 * per-direction state (sequence numbers, the RC4 stream) and knows whether it is the initiator or
 * the acceptor; it is not thread-safe: one PDU at a time, in wire order.
 */
public interface PduProtection {

    /**
     * The auth_length of every PDU this end seals (16 for NTLM; for Kerberos AES, 76). A received
     * PDU may carry another, if the provider accepts it (see the class comment).
     */
    int verifierLength();

    /** Encrypts {@code [stubOffset, stubOffset + length)} in place and writes the verifier. */
    void seal(byte[] pdu, int stubOffset, int length) throws RpcSecurityException;

    /**
     * Checks the verifier, {@code [stubOffset + length + 8, pdu.length)} whatever its length, and
     * decrypts {@code [stubOffset, stubOffset + length)} in place.
     */
    void unseal(byte[] pdu, int stubOffset, int length) throws RpcSecurityException;
}
