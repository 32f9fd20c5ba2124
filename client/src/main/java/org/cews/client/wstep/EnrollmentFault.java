package org.cews.client.wstep;

import java.util.Optional;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.soap.Namespaces;
import org.cews.client.soap.SoapFault;
import org.cews.client.soap.Xml;
import org.w3c.dom.Element;

/**
 * A SOAP fault from a CEP or CES, with the CertificateEnrollmentWSDetail when the server sent one
 * ([MS-WSTEP] 3.1.4.1.2.1, 3.1.4.1.3.7: ErrorCode, InvalidRequest, RequestID).
 */
public record EnrollmentFault(
        SoapFault fault, Optional<HResult> errorCode, Optional<Boolean> invalidRequest, Optional<String> requestId) {

    public static EnrollmentFault of(SoapFault fault) {
        Optional<Element> detail = fault.detail()
                .filter(d -> "CertificateEnrollmentWSDetail".equals(d.getLocalName())
                        && Namespaces.WSTEP.equals(d.getNamespaceURI()));
        Optional<HResult> code =
                detail.flatMap(d -> Xml.text(d, Namespaces.WSTEP, "ErrorCode")).flatMap(HResult::parse);
        Optional<Boolean> invalid = detail.flatMap(d -> Xml.text(d, Namespaces.WSTEP, "InvalidRequest"))
                .map(v -> "true".equals(v) || "1".equals(v));
        Optional<String> id = detail.flatMap(d -> Xml.text(d, Namespaces.WSTEP, "RequestID"));
        return new EnrollmentFault(fault, code, invalid, id);
    }

    /**
     * The exception the command reports: the endpoint, the reason and the HRESULT with its meaning.
     * A WS-Security fault code (OASIS WSS 1.1 SOAP Message Security §12: FailedAuthentication,
     * InvalidSecurity, InvalidSecurityToken) is an authentication failure, not a refusal of the
     * request.
     */
    public ClientException toException(String endpoint) {
        String reason = fault.reason().isEmpty() ? "(no reason given)" : fault.reason();
        String sub = fault.subcode().orElse("");
        String local = sub.substring(sub.indexOf(':') + 1);
        if (local.equals("FailedAuthentication") || local.startsWith("InvalidSecurity")) {
            return new ClientException(ClientMessage.AUTHENTICATION_FAULT, endpoint, reason, fault.codes());
        }
        if (errorCode.isPresent()) {
            HResult h = errorCode.get();
            String reasonWithId =
                    requestId.map(id -> reason + ", request " + id).orElse(reason);
            return new ClientException(
                    ClientMessage.ENROLLMENT_DENIED,
                    endpoint,
                    reasonWithId,
                    h.hex(),
                    h.name().orElse("(unknown)"),
                    h.meaning().orElse("see the CA's documentation of this code"));
        }
        return new ClientException(ClientMessage.SOAP_FAULT, endpoint, reason, fault.codes());
    }
}
