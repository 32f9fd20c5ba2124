package org.cews.soap.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The transport half of each endpoint's authentication, before the SOAP front door sees the
 * request (declared in both WARs' web.xml; docs/AUTHENTICATION.md §2):
 *
 * <ul>
 *   <li>Kerberos endpoints demand HTTP Negotiate: without an identity of role {@code kerberos}
 *       the container's SPNEGO mechanism is asked to authenticate, which answers 401 with
 *       {@code WWW-Authenticate: Negotiate} (the connection kept open) until a ticket checks out.
 *       Done here rather than by a web.xml constraint because constraints match paths with case,
 *       and the endpoints, like IIS, do not; and because CES paths carry the configured CA name.
 *   <li>Certificate endpoints demand the TLS client certificate that the handshake asked for
 *       (want-client-auth) and checked against the trusted CAs: without one, 403. No HTTP challenge
 *       exists for certificates.
 *   <li>UsernamePassword endpoints pass: the UsernameToken is in the SOAP body's header, and these
 *       endpoints never send a 401 (Windows would then fail with WS_E_SERVER_REQUIRES_BASIC_AUTH).
 * </ul>
 *
 * A plain GET or HEAD (the reachability page, which carries no data) passes on every endpoint. The
 * account behind the credential is looked up afterwards by {@link CallerAuthenticator}.
 */
public class EndpointAuthenticationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The servlet attribute holding the TLS client certificate chain (Jakarta Servlet 6.0 §3.9). */
    public static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    /** The role the Elytron view of Kerberos callers gives (configure-security.cli). */
    public static final String KERBEROS_ROLE = "kerberos";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<EndpointPath> endpoint =
                isPlainGet(request) ? Optional.empty() : EndpointPath.of(pathInContext(request));
        if (endpoint.isPresent() && !admitted(endpoint.get().mode(), request, response)) {
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean admitted(AuthMode mode, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        switch (mode) {
            case KERBEROS:
                if (request.isUserInRole(KERBEROS_ROLE)) {
                    return true;
                }
                if (!request.authenticate(response)) {
                    return false; // the mechanism answered: 401 Negotiate, or its refusal
                }
                if (request.isUserInRole(KERBEROS_ROLE)) {
                    return true;
                }
                refuse(response, AuthMessages.SOAP0501.format());
                return false;
            case CERTIFICATE:
                if (request.getAttribute(CERTIFICATES) instanceof java.security.cert.X509Certificate[] chain
                        && chain.length > 0) {
                    return true;
                }
                refuse(response, AuthMessages.SOAP0502.format());
                return false;
            default:
                return true;
        }
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static boolean isPlainGet(HttpServletRequest request) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && request.getQueryString() == null;
    }

    /** The decoded path below the context root. */
    static String pathInContext(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }
}
