package org.cews.wcce.msrpce;

import java.util.Optional;

/**
 * rpc_auth_3 (PTYPE 16, [MS-RPCE] 2.2.2.10): the last leg of an odd-legged security exchange (NTLM's
 * AUTHENTICATE); the server does not answer it.
 *
 * <pre>
 *   pad[4] (arbitrary, ignored on read; written as zeros), then the sec_trailer and the token
 * </pre>
 *
 * Samba refuses an auth3 without the 4 pad bytes (docs/RPC-NTLM.md §1.3).
 */
public record Auth3Pdu(int callId, PfcFlags flags, AuthVerifier verifier) implements Pdu {

    @Override
    public PacketType type() {
        return PacketType.AUTH3;
    }

    @Override
    public Optional<AuthVerifier> auth() {
        return Optional.of(verifier);
    }
}
