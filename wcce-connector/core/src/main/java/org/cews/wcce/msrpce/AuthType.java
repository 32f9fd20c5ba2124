package org.cews.wcce.msrpce;

/**
 * The auth_type of a sec_trailer ([MS-RPCE] 2.2.2.11; values from [MS-RPCE] 2.2.1.1.7). An open
 * value: decoding an unknown code keeps it.
 */
public record AuthType(int code) {

    /** RPC_C_AUTHN_GSS_NEGOTIATE: SPNEGO, here always negotiating Kerberos. */
    public static final AuthType SPNEGO = new AuthType(9);
    /** RPC_C_AUTHN_WINNT: NTLM. */
    public static final AuthType NTLM = new AuthType(10);
    /** RPC_C_AUTHN_GSS_KERBEROS: raw Kerberos, DCE style ([MS-KILE] 3.4.5.1). */
    public static final AuthType KERBEROS = new AuthType(16);

    public AuthType {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("auth_type is one byte (actual: " + code + ")");
        }
    }
}
