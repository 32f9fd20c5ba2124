package org.cews.soap.http;

import java.util.Optional;
import java.util.function.Function;
import org.cews.soap.SoapMessages;

/**
 * The SOAP layer's settings, from WildFly system properties (deploy/cli/configure-services.cli):
 *
 * <ul>
 *   <li>{@code cews.soap.maxRequestBytes}: the largest request body read, checked against
 *       Content-Length before parsing and while reading; default 1 MiB, far above a CEP request
 *       (about 1.5 KB) and a CES request with a CMC inside (tens of KB).
 * </ul>
 */
public record SoapSettings(int maxRequestBytes) {

    public static final String MAX_REQUEST_BYTES = "cews.soap.maxRequestBytes";
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

    public SoapSettings {
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException(
                    SoapMessages.SOAP0401.format(MAX_REQUEST_BYTES, maxRequestBytes, "at least 1024"));
        }
    }

    public static SoapSettings from(Function<String, String> properties) {
        String value = Optional.ofNullable(properties.apply(MAX_REQUEST_BYTES))
                .map(String::trim)
                .orElse("");
        if (value.isEmpty()) {
            return new SoapSettings(DEFAULT_MAX_REQUEST_BYTES);
        }
        try {
            return new SoapSettings(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    SoapMessages.SOAP0401.format(MAX_REQUEST_BYTES, value, "a number of bytes"), e);
        }
    }
}
