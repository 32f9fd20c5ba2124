package org.cews.soap.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.cews.soap.service.ServicePath;

/**
 * The answer to a plain GET on an endpoint URL: a short text page naming the endpoint, the
 * service, the CA (CES) and the authentication, so an administrator or a load balancer can check
 * reachability with a browser or curl (IIS answers a GET with a help page; docs/adr/0001).
 * Both web applications use it through {@link SoapServlet}.
 */
public final class ReachabilityPage {

    private ReachabilityPage() {}

    public static String text(ServicePath path) {
        StringBuilder page = new StringBuilder()
                .append(path.name())
                .append('\n')
                .append(path.service().title())
                .append('\n');
        path.caName()
                .ifPresent(ca ->
                        page.append("Certification authority: ").append(ca).append('\n'));
        return page.append("Authentication: ")
                .append(path.authenticationText())
                .append('\n')
                .append("Clients send SOAP 1.2 POST requests here; this page only confirms that the service is"
                        + " reachable.\n")
                .toString();
    }

    /** Writes the page (a HEAD gets the headers only). */
    static void write(HttpServletResponse response, ServicePath path, boolean head) throws IOException {
        byte[] bytes = text(path).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(bytes.length);
        if (!head) {
            response.getOutputStream().write(bytes);
        }
    }
}
