package org.cews.soap.http;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.cews.soap.SoapMessages;
import org.cews.soap.auth.CallerAuthenticator;
import org.cews.soap.envelope.EnvelopeReader;
import org.cews.soap.service.ServicePath;
import org.cews.soap.service.ServicePaths;
import org.cews.soap.service.SoapOperation;

/**
 * The servlet both web applications extend, mapped to every path of the application ({@code /*}),
 * so that paths match without regard to case and a POST anywhere answers SOAP, never an HTML
 * error page (docs/REAL-CLIENTS.md §3). GET and HEAD on an endpoint answer the {@link
 * ReachabilityPage}; POST goes through the {@link FrontDoor}; no path redirects. A subclass names
 * its endpoints and its operations and stays thin.
 */
public abstract class SoapServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient CallerAuthenticator authenticator;

    private transient FrontDoor door;

    /** The endpoints this application serves; called once, at init. */
    protected abstract ServicePaths paths() throws ServletException;

    /** The operations by wsa:Action; called once, at init. */
    protected abstract Map<String, SoapOperation> operations() throws ServletException;

    @Override
    public void init() throws ServletException {
        SoapSettings settings;
        try {
            settings = SoapSettings.from(System::getProperty);
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        door = new FrontDoor(
                paths(),
                operations(),
                authenticator,
                new EnvelopeReader(settings.maxRequestBytes()),
                SoapServlet::correlationId);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = pathInContext(request);
        switch (request.getMethod()) {
            case "POST" -> door.post(path, request).writeTo(response);
            case "GET", "HEAD" -> get(path, request, response);
            default -> {
                response.setHeader("Allow", "GET, HEAD, POST");
                new HttpAnswer.Text(405, request.getMethod() + " is not served here: SOAP clients POST")
                        .writeTo(response);
            }
        }
    }

    private void get(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ServicePath> endpoint = door.paths().forPath(path);
        if (endpoint.isEmpty()) {
            new HttpAnswer.Text(
                            404, SoapMessages.SOAP0108.format(path, door.paths().describe()))
                    .writeTo(response);
            return;
        }
        ReachabilityPage.write(response, endpoint.get(), "HEAD".equals(request.getMethod()));
    }

    /**
     * A random version 4 UUID from the thread's own generator: a correlation id only needs to be
     * unique, not secret, and {@link UUID#randomUUID()} draws on one shared {@code SecureRandom}
     * for every request of every thread.
     */
    static String correlationId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    /** The decoded path below the context root. */
    static String pathInContext(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }
}
