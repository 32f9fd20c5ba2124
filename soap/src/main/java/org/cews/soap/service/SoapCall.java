package org.cews.soap.service;

import java.util.Optional;
import org.cews.soap.auth.CallerIdentity;
import org.cews.soap.envelope.SoapRequest;

/**
 * One authenticated request, as the front door hands it to an operation.
 *
 * @param correlationId the id of this request in every log and audit line and in fault reasons
 * @param requestUrl the URL the request was posted to as the container rebuilds it (scheme, host as
 *     the client named it, port, path), with {@code ?} and the raw query string when there is one;
 *     empty for a call that did not come over HTTP
 */
public record SoapCall(
        ServicePath path,
        SoapRequest request,
        CallerIdentity caller,
        String correlationId,
        Optional<String> requestUrl) {

    /** A call that did not come over HTTP: no request URL. */
    public SoapCall(ServicePath path, SoapRequest request, CallerIdentity caller, String correlationId) {
        this(path, request, caller, correlationId, Optional.empty());
    }
}
