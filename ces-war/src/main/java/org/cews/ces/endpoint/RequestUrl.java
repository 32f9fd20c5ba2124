package org.cews.ces.endpoint;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.cews.ces.service.EnrollmentService;

/**
 * The URL a RequestSecurityToken was posted to: the endpoint's URL without query (the base of a
 * pending answer's Reference URI) and the signed pending reference in its query, if any
 * (docs/WSTEP.md §8), read from the front door's {@link org.cews.soap.service.SoapCall#requestUrl()}.
 */
record RequestUrl(URI endpoint, Optional<String> pendingToken) {

    /** From the request's URL with its raw query string, as {@code SoapCall#requestUrl()} has it. */
    static RequestUrl of(String urlWithQuery) {
        int q = urlWithQuery.indexOf('?');
        return q < 0 ? of(urlWithQuery, null) : of(urlWithQuery.substring(0, q), urlWithQuery.substring(q + 1));
    }

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
}
