package org.cews.wcce.msrpce;

/**
 * The authentication part of a PDU (C706 12.6.3.1 auth_verifier_co_t; [MS-RPCE] 2.2.2.11-12): the
 * auth pad that aligns the sec_trailer, the sec_trailer fields, and the auth_value (a token during
 * binding, a verifier on calls). Arrays are held as given, not copied.
 */
public record AuthVerifier(AuthType authType, AuthLevel authLevel, int contextId, byte[] pad, byte[] value) {

    public AuthVerifier {
        if (pad.length > 0xFF) {
            throw new IllegalArgumentException("auth_pad_length is one byte (actual: " + pad.length + ")");
        }
        if (value.length == 0 || value.length > 0xFFFF) {
            throw new IllegalArgumentException("auth_length is 1..65535 (actual: " + value.length + ")");
        }
    }

    /** A verifier without pad, as the bind-family PDUs carry their tokens. */
    public static AuthVerifier token(AuthType type, AuthLevel level, int contextId, byte[] token) {
        return new AuthVerifier(type, level, contextId, new byte[0], token);
    }

    public SecTrailer trailer() {
        return new SecTrailer(authType, authLevel, pad.length, contextId);
    }
}
