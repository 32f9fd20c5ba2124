package org.cews.soap.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Turns what one request carries into its caller. The SOAP front door calls it once per request,
 * after reading the SOAP header and before dispatching the body; the implementation is a CDI bean
 * of this jar. It must check exactly {@code mode}: an endpoint never accepts a credential of
 * another mode, and a transport identity that Elytron established opportunistically (a Negotiate
 * header, a TLS certificate) is ignored where the mode is not its own.
 */
public interface CallerAuthenticator {

    /**
     * @param mode the endpoint's authentication mode
     * @param keyBasedRenewal the endpoint serves key-based renewal only: a certificate that maps to
     *     no account is accepted (its {@link CallerIdentity#account()} is then empty)
     * @param request the HTTP request, for the container's principal and the TLS client certificate
     * @param token the SOAP header's UsernameToken, if it had one
     */
    CallerIdentity authenticate(
            AuthMode mode, boolean keyBasedRenewal, HttpServletRequest request, Optional<UsernameToken> token)
            throws AuthenticationException;
}
