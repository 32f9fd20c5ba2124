/**
 * Who the caller of a CEP or CES request is: each endpoint accepts exactly one {@link
 * org.cews.soap.auth.AuthMode}, and a {@link org.cews.soap.auth.CallerAuthenticator} turns what the
 * container and the SOAP header carry into one {@link org.cews.soap.auth.CallerIdentity} (account,
 * SIDs, certificate) for the policy view and the CA connector.
 */
package org.cews.soap.auth;
