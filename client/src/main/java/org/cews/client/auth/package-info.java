/**
 * The four ways of proving who the caller is ([MS-WSTEP] 3.1.1.1): Kerberos (SPNEGO over HTTP
 * Negotiate, JGSS), UsernameToken, a TLS client certificate, and none; TLS trust; where passwords
 * come from.
 */
package org.cews.client.auth;
