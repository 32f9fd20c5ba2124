package org.cews.wcce.msrpce;

/**
 * The established security of an association as calls use it ([MS-RPCE] 3.3.1.5.2.2): the
 * sec_trailer every request and response fragment carries (auth_type, PKT_PRIVACY, the constant
 * auth_context_id) and the {@link PduProtection} that seals and unseals them.
 */
public record AuthBinding(AuthType authType, int contextId, PduProtection protection) {

    /** The trailer of a fragment whose stub was padded with {@code padLength} bytes. */
    SecTrailer trailer(int padLength) {
        return new SecTrailer(authType, AuthLevel.PKT_PRIVACY, padLength, contextId);
    }
}
