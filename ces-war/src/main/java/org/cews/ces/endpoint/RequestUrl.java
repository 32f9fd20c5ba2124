package org.cews.ces.endpoint;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.cews.ces.service.EnrollmentService;

/**
 * The URL a RequestSecurityToken was posted to: the endpoint's URL without query (the base of a
 * pending answer's Reference URI) and the signed pending reference in its query, if any
 * (docs/WSTEP.md §8). The front door's SoapCall does not carry the HTTP request, so {@link
 * CesServlet} keeps it for the thread that serves the request.
 */
record RequestUrl(URI endpoint, Optional<String> pendingToken) {

    private static final ThreadLocal<RequestUrl> CURRENT = new ThreadLocal<>();

    /** From the request's URL ({@code getRequestURL()}) and raw query string. */
    static RequestUrl of(String requestUrl, String query) {
        Optional<String> token = Optional.empty();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(EnrollmentService.PENDING_PARAMETER + "=")) {
                    String value = pair.substring(EnrollmentService.PENDING_PARAMETER.length() + 1);
                    try {
                        token = Optional.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        token = Optional.of(value);
                    }
                }
            }
        }
        return new RequestUrl(URI.create(requestUrl), token);
    }

    static void set(RequestUrl url) {
        CURRENT.set(url);
    }

    static void clear() {
        CURRENT.remove();
    }

    static Optional<RequestUrl> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
