package org.cews.lab.ca.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the CA's Request table ([MS-WCCE] 3.2.1.4.2.1.4.4): who called (the RPC principal, as
 * the CA re-evaluates the request with it when an officer approves), on whose behalf, for which
 * template, the raw request and call parameters, the outcome (status, HRESULT, message,
 * certificate) and the times.
 *
 * @param callerSid the caller's objectSid in string form, empty if the caller had no account
 * @param requesterName the requestername of an enroll-on-behalf-of request
 * @param statusCode the HRESULT of a denial or failure, 0 otherwise (Request_Status_Code)
 * @param flags the dwFlags of the submission
 */
public record RequestRecord(
        int id,
        String callerName,
        String callerDomain,
        Optional<String> callerSid,
        Optional<String> requesterName,
        Optional<String> requesterSid,
        Optional<String> template,
        RequestStatus status,
        int statusCode,
        String message,
        int flags,
        String attributes,
        byte[] request,
        Optional<byte[]> certificate,
        Instant submitted,
        Optional<Instant> resolved) {

    public RequestRecord {
        request = request.clone();
        certificate = certificate.map(byte[]::clone);
    }

    @Override
    public byte[] request() {
        return request.clone();
    }

    @Override
    public Optional<byte[]> certificate() {
        return certificate.map(byte[]::clone);
    }

    /** The caller as {@code DOMAIN\name}. */
    public String caller() {
        return callerDomain == null || callerDomain.isEmpty() ? callerName : callerDomain + "\\" + callerName;
    }

    /** This row with the outcome of processing. */
    public RequestRecord outcome(
            RequestStatus newStatus,
            int code,
            String newMessage,
            Optional<String> newTemplate,
            Optional<byte[]> cert,
            Optional<String> requester,
            Optional<String> requesterObjectSid,
            Instant when) {
        return new RequestRecord(
                id,
                callerName,
                callerDomain,
                callerSid,
                requester.or(() -> requesterName),
                requesterObjectSid.or(() -> requesterSid),
                newTemplate.or(() -> template),
                newStatus,
                code,
                newMessage,
                flags,
                attributes,
                request,
                cert,
                submitted,
                newStatus == RequestStatus.PENDING ? Optional.empty() : Optional.of(when));
    }
}
