package org.cews.soap.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import org.cews.soap.SoapMessages;
import org.cews.soap.auth.AuthMode;
import org.cews.soap.auth.AuthenticationException;
import org.cews.soap.auth.CallerAuthenticator;
import org.cews.soap.auth.CallerIdentity;
import org.cews.soap.envelope.EnvelopeReader;
import org.cews.soap.envelope.Soap12;
import org.cews.soap.envelope.SoapFormatException;
import org.cews.soap.envelope.SoapRequest;
import org.cews.soap.fault.FaultCode;
import org.cews.soap.fault.FaultWriter;
import org.cews.soap.fault.SoapFault;
import org.cews.soap.fault.SoapFaultException;
import org.cews.soap.fault.TransientFailureException;
import org.cews.soap.service.ServicePath;
import org.cews.soap.service.ServicePaths;
import org.cews.soap.service.SoapAnswer;
import org.cews.soap.service.SoapCall;
import org.cews.soap.service.SoapOperation;

/**
 * The one way into both services (docs/adr/0002): for a POST it finds the
 * endpoint by path, reads the envelope from the request bytes, authenticates the caller with the
 * endpoint's mode, dispatches on wsa:Action only (no SOAPAction header, no action= media-type
 * parameter: cepces sends neither, docs/REAL-CLIENTS.md §1) and turns the outcome into HTTP:
 *
 * <ul>
 *   <li>an answer: 200 with the envelope, wsa:Action and wsa:RelatesTo in the header;
 *   <li>a bad request (no such path, not SOAP 1.2, a DTD, too large, no or unknown Action, an
 *       operation's refusal): 500 with a Sender fault;
 *   <li>a refused UsernameToken: 500 with a Sender fault, subcode wsse:FailedAuthentication (WSS
 *       SOAP Message Security 1.0 §12); a transport credential (Kerberos, certificate) missing or
 *       refused: 403 with a line of text, the SOAP layer being no place to retry a TLS handshake;
 *   <li>the directory, KDC or CA unreachable for now: 503 without a body;
 *   <li>anything unexpected: 500 with a Receiver fault naming the correlation id, the stack trace
 *       in the server log only.
 * </ul>
 */
public final class FrontDoor {

    static final QName FAILED_AUTHENTICATION = new QName(Soap12.WSSE_NS, "FailedAuthentication", "wsse");
    static final QName ACTION_NOT_SUPPORTED = new QName(Soap12.WSA_NS, "ActionNotSupported", "a");
    static final QName HEADER_REQUIRED = new QName(Soap12.WSA_NS, "MessageAddressingHeaderRequired", "a");
    static final QName ENDPOINT_UNAVAILABLE = new QName(Soap12.WSA_NS, "EndpointUnavailable", "a");

    private static final Logger LOG = System.getLogger("org.cews.soap");

    private final ServicePaths paths;
    private final Map<String, SoapOperation> operations;
    private final CallerAuthenticator authenticator;
    private final EnvelopeReader reader;
    private final Supplier<String> correlationIds;

    /**
     * @param operations by wsa:Action
     * @param correlationIds a fresh id per request (random in production, fixed in tests)
     */
    public FrontDoor(
            ServicePaths paths,
            Map<String, SoapOperation> operations,
            CallerAuthenticator authenticator,
            EnvelopeReader reader,
            Supplier<String> correlationIds) {
        this.paths = paths;
        this.operations = Map.copyOf(operations);
        this.authenticator = authenticator;
        this.reader = reader;
        this.correlationIds = correlationIds;
    }

    public ServicePaths paths() {
        return paths;
    }

    /** The answer to a POST of {@code request} at {@code pathInContext} (decoded, below the context root). */
    public HttpAnswer post(String pathInContext, HttpServletRequest request) {
        String id = correlationIds.get();
        Optional<ServicePath> path = paths.forPath(pathInContext);
        if (path.isEmpty()) {
            return fault(
                    SoapFault.sender(SoapMessages.SOAP0108.format(pathInContext, paths.describe()))
                            .withSubcode(ENDPOINT_UNAVAILABLE),
                    Optional.empty(),
                    pathInContext,
                    id);
        }
        long declared = request.getContentLengthLong();
        if (declared > reader.maxBytes()) {
            return fault(
                    SoapFault.sender(SoapMessages.SOAP0101.format(reader.maxBytes())),
                    Optional.empty(),
                    pathInContext,
                    id);
        }
        try (SoapRequest soap = reader.read(request.getInputStream(), declared)) {
            return authenticated(path.get(), soap, request, id);
        } catch (SoapFormatException e) {
            SoapFault fault = e.versionMismatch()
                    ? new SoapFault(FaultCode.VERSION_MISMATCH, Optional.empty(), e.getMessage(), Optional.empty())
                    : SoapFault.sender(e.getMessage());
            return fault(fault, Optional.empty(), pathInContext, id);
        } catch (IOException e) {
            // The client went away or sent a broken body: nobody reads an answer, but log it.
            LOG.log(Level.DEBUG, () -> SoapMessages.SOAP0304.format(pathInContext, id, e.getMessage()));
            return new HttpAnswer.Empty(400);
        }
    }

    private HttpAnswer authenticated(ServicePath path, SoapRequest soap, HttpServletRequest request, String id) {
        CallerIdentity caller;
        try {
            caller = authenticator.authenticate(path.mode(), path.keyBasedRenewal(), request, soap.usernameToken());
        } catch (AuthenticationException e) {
            return refused(path, soap, e, id);
        }
        if (soap.action().isEmpty()) {
            return fault(
                    SoapFault.sender(SoapMessages.SOAP0106.format()).withSubcode(HEADER_REQUIRED),
                    soap.messageId(),
                    path.path(),
                    id);
        }
        SoapOperation operation = operations.get(soap.action().get());
        if (operation == null) {
            return fault(
                    SoapFault.sender(SoapMessages.SOAP0107.format(
                                    soap.action().get(), String.join(", ", operations.keySet())))
                            .withSubcode(ACTION_NOT_SUPPORTED),
                    soap.messageId(),
                    path.path(),
                    id);
        }
        try {
            SoapAnswer answer = operation.invoke(new SoapCall(path, soap, caller, id, requestUrl(request)));
            return new HttpAnswer.Soap(
                    200, org.cews.soap.envelope.ReplyEnvelope.of(answer.action(), soap.messageId(), answer.body()));
        } catch (SoapFaultException e) {
            return fault(e.fault(), soap.messageId(), path.path(), id);
        } catch (TransientFailureException e) {
            LOG.log(Level.WARNING, () -> SoapMessages.SOAP0303.format(path.path(), id, e.getMessage()));
            return new HttpAnswer.Empty(503);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, SoapMessages.SOAP0301.format(soap.action().get(), path.path(), id), e);
            return fault(SoapFault.receiver(SoapMessages.SOAP0302.format(id)), soap.messageId(), path.path(), id);
        }
    }

    private HttpAnswer refused(ServicePath path, SoapRequest soap, AuthenticationException e, String id) {
        if (e.kind() == AuthenticationException.Kind.UNAVAILABLE) {
            LOG.log(Level.WARNING, () -> SoapMessages.SOAP0204.format(path.path(), id, e.getMessage()));
            return new HttpAnswer.Empty(503);
        }
        LOG.log(
                Level.WARNING,
                () -> SoapMessages.SOAP0203.format(path.path(), path.mode(), e.kind(), id, e.getMessage()));
        if (e.kind() == AuthenticationException.Kind.RATE_LIMITED) {
            return fault(
                    SoapFault.sender(SoapMessages.SOAP0202.format(id)).withSubcode(FAILED_AUTHENTICATION),
                    soap.messageId(),
                    path.path(),
                    id);
        }
        if (path.mode() == AuthMode.USERNAME_PASSWORD) {
            return fault(
                    SoapFault.sender(SoapMessages.SOAP0201.format(path.path(), id))
                            .withSubcode(FAILED_AUTHENTICATION),
                    soap.messageId(),
                    path.path(),
                    id);
        }
        return new HttpAnswer.Text(
                403, SoapMessages.SOAP0205.format(path.name(), path.mode().pathName(), id));
    }

    /** The URL the client posted to, with its raw query string ({@link SoapCall#requestUrl()}). */
    static Optional<String> requestUrl(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL();
        if (url == null) {
            return Optional.empty();
        }
        String query = request.getQueryString();
        return Optional.of(query == null ? url.toString() : url + "?" + query);
    }

    private static HttpAnswer fault(SoapFault fault, Optional<String> relatesTo, String where, String id) {
        if (fault.code() != FaultCode.RECEIVER) {
            LOG.log(Level.INFO, () -> SoapMessages.SOAP0304.format(where, id, fault.reason()));
        }
        return new HttpAnswer.Soap(500, FaultWriter.envelope(fault, relatesTo));
    }
}
