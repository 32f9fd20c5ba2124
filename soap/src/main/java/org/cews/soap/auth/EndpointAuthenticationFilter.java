package org.cews.soap.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.cews.soap.SoapMessages;

/**
 * The transport half of each endpoint's authentication, before the SOAP front door sees the
 * request (declared in both WARs' web.xml; docs/AUTHENTICATION.md §2):
 *
 * <ul>
 *   <li>Kerberos endpoints demand HTTP Negotiate: the filter runs Elytron's SPNEGO mechanism for
 *       the request ({@code HttpServletRequest.authenticate}); without an identity of role {@code
 *       kerberos} (which only that mechanism gives) the answer is 401 with {@code WWW-Authenticate:
 *       Negotiate}, the connection kept open. Done here rather than by a web.xml constraint because
 *       constraints match paths with case, and the endpoints, like IIS, do not; and because CES
 *       paths carry the configured CA name. The web applications authenticate on demand only
 *       (jboss-web.xml: {@code proactive-authentication} false), so the mechanism runs on the
 *       Kerberos endpoints and nowhere else: Elytron's SPNEGO mechanism builds a GSSManager (a walk
 *       over every key of every JCA provider) and a GSS context for each request it sees, which
 *       cost the other endpoints more than their whole answer (docs/adr/0003). Where the
 *       container authenticated proactively after all, {@code authenticate()} after the
 *       mechanisms already ran fails (WildFly: UT010032), and the filter challenges itself.
 *   <li>Certificate endpoints demand the TLS client certificate that the handshake asked for
 *       (want-client-auth) and checked against the trusted CAs: without one, 403. No HTTP challenge
 *       exists for certificates.
 *   <li>UsernamePassword endpoints pass: the UsernameToken is in the SOAP body's header, and these
 *       endpoints never send a 401 (Windows would then fail with WS_E_SERVER_REQUIRES_BASIC_AUTH).
 * </ul>
 *
 * A GET or HEAD (answered only with the reachability page, which carries no data) passes on every
 * endpoint. The account behind the credential is looked up afterwards by {@link
 * CallerAuthenticator}.
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
            throws IOException {
        switch (mode) {
            case KERBEROS:
                if (request.isUserInRole(KERBEROS_ROLE)) {
                    return true;
                }
                if (request.getUserPrincipal() != null) {
                    refuse(response, SoapMessages.SOAP0501.format());
                    return false;
                }
                return negotiated(request, response);
            case CERTIFICATE:
                if (request.getAttribute(CERTIFICATES) instanceof java.security.cert.X509Certificate[] chain
                        && chain.length > 0) {
                    return true;
                }
                refuse(response, SoapMessages.SOAP0502.format());
                return false;
            default:
                return true;
        }
    }

    /**
     * Runs the container's mechanism (SPNEGO) for this request. A Kerberos identity passes; a
     * continuation token or a refusal the mechanism answered keeps its status and headers and gets
     * a line of text; no answer at all becomes the bare challenge.
     */
    private static boolean negotiated(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean authenticated;
        try {
            authenticated = request.authenticate(response);
        } catch (ServletException e) {
            // The mechanisms already ran for this request (proactive authentication): nothing more
            // to ask them, the client needs the challenge.
            authenticated = false;
        }
        if (authenticated && request.isUserInRole(KERBEROS_ROLE)) {
            return true;
        }
        if (authenticated) {
            refuse(response, SoapMessages.SOAP0501.format());
        } else if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED
                && response.containsHeader("WWW-Authenticate")) {
            text(response, SoapMessages.SOAP0503.format());
        } else if (response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
            text(response, SoapMessages.SOAP0501.format());
        } else {
            challenge(response);
        }
        return false;
    }

    /**
     * 401 with a bare {@code WWW-Authenticate: Negotiate} (RFC 4559 §4.1). The client's next request
     * carries its token, which Elytron's SPNEGO mechanism checks before this filter runs: on
     * success the request arrives here with a Kerberos identity; a continuation token is answered
     * by the mechanism itself; a token it refuses (NTLM among them) gets its 403. The connection
     * stays open (Undertow drains the unread body), which cepces needs for its channel binding.
     */
    private static void challenge(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Negotiate");
        text(response, SoapMessages.SOAP0503.format());
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        text(response, message);
    }

    private static void text(HttpServletResponse response, String message) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** GET and HEAD only ever get the reachability page (SoapServlet). */
    static boolean isPlainGet(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    /** The decoded path below the context root. */
    static String pathInContext(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }
}
