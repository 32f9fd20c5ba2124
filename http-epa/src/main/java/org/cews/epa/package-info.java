/**
 * Extended protection for authentication (EPA) for WildFly's HTTP Negotiate: the client's Kerberos
 * token must be bound to the TLS channel it arrives on, by the {@code tls-server-end-point} channel
 * binding (RFC 5929 §4) in the authenticator checksum (RFC 4121 §4.1.1.2). {@link
 * org.cews.epa.rfc5929} computes the binding's application data from the served certificate,
 * {@link org.cews.epa.gssapi} hands it to the JDK's Kerberos acceptor as Windows and MIT encode it,
 * {@link org.cews.epa.policy} says per endpoint whether it is checked, and {@link
 * org.cews.epa.elytron} wraps Elytron's SPNEGO mechanism with it (docs/WILDFLY-AUTH.md §7).
 */
package org.cews.epa;
