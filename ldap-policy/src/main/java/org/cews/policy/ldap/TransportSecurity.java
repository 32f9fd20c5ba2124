package org.cews.policy.ldap;

/**
 * How the LDAP connection is protected. AD refuses simple binds on a plain connection unless
 * configured not to (Samba: "Transport encryption required", docs/TESTBED.md), so {@link #NONE} with a
 * simple bind is for loopback tests and the embedded lab only; a GSSAPI bind over {@link #NONE}
 * seals the connection itself ({@link BindMethod.GssapiKeytab}).
 */
public enum TransportSecurity {
    /** TLS from the first byte, usually port 636. */
    LDAPS,
    /** Plain connect, then the StartTLS extended operation (RFC 4511 4.14) before the bind. */
    START_TLS,
    /** No TLS. */
    NONE
}
