package org.cews.ces.endpoint;

import jakarta.annotation.Resource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.cews.wcce.api.CaConnectionFactory;

/**
 * Answers a plain GET on a CES endpoint URL with a short page naming the service and the CA it
 * submits to, so that an administrator can check reachability with a browser or curl. SOAP POSTs
 * and every other request pass through untouched.
 */
@WebFilter(urlPatterns = "/*")
public class ReachabilityPage extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = CaConnectionFactory.JNDI_NAME)
    private CaConnectionFactory ca;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<CesEndpoint> endpoint =
                isPlainGet(request) ? CesEndpoint.forPath(pathInContext(request), ca.caName()) : Optional.empty();
        if (endpoint.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(page(endpoint.get()).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isPlainGet(HttpServletRequest request) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && request.getQueryString() == null;
    }

    /** The decoded path below the context root. */
    private static String pathInContext(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }

    static String page(CesEndpoint endpoint) {
        return endpoint.caName() + "_CES_" + endpoint.authentication().pathName() + "\n"
                + "Certificate Enrollment Web Service (MS-WSTEP RequestSecurityToken)\n"
                + "Certification authority: " + endpoint.caName() + " (connector " + CaConnectionFactory.JNDI_NAME
                + ")\n"
                + "Authentication: " + endpoint.authentication().description() + "\n"
                + "Clients send SOAP 1.2 POST requests here; this page only confirms that the service is reachable.\n";
    }
}
