package org.cews.cep.endpoint;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Answers a plain GET on a CEP endpoint URL with a short page naming the service, so that an
 * administrator (or a load balancer) can check reachability with a browser or curl. SOAP POSTs and
 * every other request pass through untouched.
 */
@WebFilter(urlPatterns = "/*")
public class ReachabilityPage extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<CepEndpoint> endpoint =
                isPlainGet(request) ? CepEndpoint.forPath(pathInContext(request)) : Optional.empty();
        if (endpoint.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(page(endpoint.get()).getBytes(StandardCharsets.UTF_8));
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

    static String page(CepEndpoint endpoint) {
        return endpoint.pathName() + "\n"
                + "Certificate Enrollment Policy Web Service (MS-XCEP GetPolicies)\n"
                + "Authentication: " + endpoint.authentication() + "\n"
                + "Clients send SOAP 1.2 POST requests here; this page only confirms that the service is reachable.\n";
    }
}
