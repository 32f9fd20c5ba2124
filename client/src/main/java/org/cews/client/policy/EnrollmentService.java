package org.cews.client.policy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.Failure;
import org.cews.client.http.SoapTransport;
import org.cews.client.soap.MessageIds;
import org.cews.client.soap.SoapResponse;
import org.cews.client.wstep.EnrollmentFault;
import org.cews.client.wstep.EnrollmentOutcome;
import org.cews.client.wstep.RequestSecurityToken;
import org.cews.client.wstep.RstrcReader;

/**
 * Sends a request to the CES URIs in the order given, moving to the next one when an endpoint
 * cannot be used now (no connection, HTTP 503) and stopping at the first answer, a refusal
 * included: a CA's answer is never retried elsewhere. Collects pending requests at their
 * Reference URI ([MS-WSTEP] 3.1.4.2.1.2).
 */
public final class EnrollmentService {
    private final SoapTransport transport;
    private final MessageIds ids;

    public EnrollmentService(SoapTransport transport, MessageIds ids) {
        this.transport = transport;
        this.ids = ids;
    }

    public EnrollmentOutcome submit(List<URI> uris, byte[] request, RequestSecurityToken.RequestFormat format)
            throws ClientException {
        List<String> tried = new ArrayList<>();
        for (URI uri : uris) {
            byte[] env = RequestSecurityToken.issue(
                    uri, messageId(), request, format, transport.credentials().soapHeaders());
            try {
                return answer(uri, transport.post(uri, env));
            } catch (ClientException e) {
                if (e.failure() != Failure.UNREACHABLE) {
                    throw e;
                }
                tried.add(uri + " (" + e.getMessage() + ")");
                transport
                        .trace()
                        .progress(ClientMessage.TRYING_NEXT.format(
                                uri, e.messageId().id()));
            }
        }
        throw new ClientException(ClientMessage.ALL_ENDPOINTS_FAILED, String.join("; ", tried));
    }

    public EnrollmentOutcome poll(String requestId, URI reference) throws ClientException {
        byte[] env = RequestSecurityToken.queryTokenStatus(
                reference, messageId(), requestId, transport.credentials().soapHeaders());
        return answer(reference, transport.post(reference, env));
    }

    private static EnrollmentOutcome answer(URI uri, SoapResponse r) throws ClientException {
        if (r instanceof SoapResponse.Fault f) {
            throw EnrollmentFault.of(f.fault()).toException(uri.toString());
        }
        return RstrcReader.read(((SoapResponse.Payload) r).element(), uri.toString());
    }

    private String messageId() {
        return ids.urn();
    }
}
