package org.cews.wcce.msnlmp;

import org.cews.wcce.msrpce.PduProtection;
import org.cews.wcce.msrpce.RpcSecurityException;

/**
 * NTLM packet privacy for DCE/RPC ([MS-RPCE] 3.3.1.5.2.2 with [MS-NLMP] 3.4.3): the stub and its
 * pad are sealed in place; the checksum covers the whole PDU from byte 0 through the 8-byte
 * sec_trailer, with the plaintext stub, whether or not header signing was negotiated
 * (docs/RPC-NTLM.md §1.4). Every fragment is one message: its own sequence number, the
 * RC4 streams running on from fragment to fragment. The initiator seals with the client keys and
 * unseals with the server keys; the acceptor the other way round.
 */
public final class NtlmPduProtection implements PduProtection {

    private static final int SEC_TRAILER_LENGTH = 8;

    private final NtlmSealing outbound;
    private final NtlmSealing inbound;

    private NtlmPduProtection(NtlmSealing outbound, NtlmSealing inbound) {
        this.outbound = outbound;
        this.inbound = inbound;
    }

    static NtlmPduProtection initiator(SessionKeys keys) {
        return new NtlmPduProtection(
                new NtlmSealing(keys.clientSigningKey(), keys.clientSealingKey(), keys.keyExchange()),
                new NtlmSealing(keys.serverSigningKey(), keys.serverSealingKey(), keys.keyExchange()));
    }

    public static NtlmPduProtection acceptor(SessionKeys keys) {
        return new NtlmPduProtection(
                new NtlmSealing(keys.serverSigningKey(), keys.serverSealingKey(), keys.keyExchange()),
                new NtlmSealing(keys.clientSigningKey(), keys.clientSealingKey(), keys.keyExchange()));
    }

    @Override
    public int verifierLength() {
        return NtlmSealing.SIGNATURE_LENGTH;
    }

    @Override
    public void seal(byte[] pdu, int stubOffset, int length) throws RpcSecurityException {
        int macEnd = checkLayout(pdu, stubOffset, length);
        byte[] signature = outbound.seal(pdu, macEnd, stubOffset, length);
        System.arraycopy(signature, 0, pdu, macEnd, signature.length);
    }

    @Override
    public void unseal(byte[] pdu, int stubOffset, int length) throws RpcSecurityException {
        // [MS-NLMP] 2.2.2.9.1: the NTLMSSP_MESSAGE_SIGNATURE is exactly 16 bytes; no other
        // auth_length is accepted, even though the receive path passes any on.
        long received = (long) pdu.length - stubOffset - length - SEC_TRAILER_LENGTH;
        if (stubOffset >= 0 && length >= 0 && received >= 0 && received != NtlmSealing.SIGNATURE_LENGTH) {
            throw new RpcSecurityException(
                    "auth_length (expected: " + NtlmSealing.SIGNATURE_LENGTH + ", actual: " + received + ")");
        }
        int macEnd = checkLayout(pdu, stubOffset, length);
        inbound.unseal(pdu, macEnd, stubOffset, length, pdu, macEnd);
    }

    /** The end of the sec_trailer, where the verifier starts. */
    private static int checkLayout(byte[] pdu, int stubOffset, int length) throws RpcSecurityException {
        long expected = (long) stubOffset + length + SEC_TRAILER_LENGTH + NtlmSealing.SIGNATURE_LENGTH;
        if (stubOffset < 0 || length < 0 || expected != pdu.length) {
            throw new RpcSecurityException("PDU layout: stub at " + stubOffset + ", " + length
                    + " bytes, sec_trailer, verifier (expected: PDU length " + expected + ", actual: "
                    + pdu.length + ")");
        }
        return pdu.length - NtlmSealing.SIGNATURE_LENGTH;
    }
}
