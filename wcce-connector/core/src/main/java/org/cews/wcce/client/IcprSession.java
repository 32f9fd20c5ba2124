package org.cews.wcce.client;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.EnrollmentResult;
import org.cews.wcce.epm.EndpointMapperClient;
import org.cews.wcce.epm.EndpointNotRegisteredException;
import org.cews.wcce.msicpr.CertServerRequest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.IcprInterface;
import org.cews.wcce.msicpr.RequestFlag;
import org.cews.wcce.msicpr.RequestFlags;
import org.cews.wcce.msicpr.RequestType;
import org.cews.wcce.msrpce.ClientSecurityContext;
import org.cews.wcce.msrpce.FaultStatus;
import org.cews.wcce.msrpce.RpcClientAssociation;
import org.cews.wcce.msrpce.RpcException;
import org.cews.wcce.msrpce.RpcFaultException;
import org.cews.wcce.msrpce.RpcLimits;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.ndr.NdrException;
import org.cews.wcce.transport.TcpChannel;

/**
 * One authenticated MS-ICPR association with a CA ([MS-ICPR] 3.1.3: a client MAY reuse an
 * association for several calls): the endpoint mapper gives the port, the bind runs the security
 * context's legs at packet privacy, then CertServerRequest calls follow. A fault from the CA
 * leaves the session usable; a transport, protocol or security failure breaks it.
 */
public final class IcprSession implements Closeable {

    private final CaEndpoint ca;
    private final RpcClientAssociation association;
    private final String endpoint;
    private volatile boolean broken;

    private IcprSession(CaEndpoint ca, RpcClientAssociation association, String endpoint) {
        this.ca = ca;
        this.association = association;
        this.endpoint = endpoint;
    }

    /** Looks up the ICPR port, connects and binds; {@code security} is a fresh context for this bind. */
    public static IcprSession open(
            CaEndpoint ca, ClientSecurityContext security, Duration connectTimeout, Duration readTimeout)
            throws CaException {
        int port;
        try {
            port = EndpointMapperClient.tcpPort(
                    TcpChannel.open(ca.host(), ca.endpointMapperPort(), connectTimeout, readTimeout),
                    IcprInterface.SYNTAX);
        } catch (IOException | RpcException | EndpointNotRegisteredException e) {
            throw new CaException(
                    "CA " + ca.caName() + ": endpoint mapper at " + ca.host() + ":" + ca.endpointMapperPort()
                            + " did not give the ICPR port: " + e.getMessage(),
                    e);
        }
        String endpoint = ca.host() + ":" + port;
        try {
            TcpChannel channel = TcpChannel.open(ca.host(), port, connectTimeout, readTimeout);
            return new IcprSession(
                    ca,
                    RpcClientAssociation.bind(channel, IcprInterface.SYNTAX, security, RpcLimits.DEFAULT),
                    endpoint);
        } catch (IOException | RpcException | RpcSecurityException e) {
            throw new CaException(
                    "CA " + ca.caName() + " at " + endpoint + ": bind with "
                            + security.authType().code() + " at packet privacy failed: " + e.getMessage(),
                    e);
        }
    }

    public String endpoint() {
        return endpoint;
    }

    /** False once a call failed below the RPC level; the pool must then discard the session. */
    public boolean isUsable() {
        return !broken;
    }

    /**
     * Whether an idle session can still carry a call: usable, and the CA has not closed the
     * connection meanwhile (a restarted CA, an idle timeout on its side). Costs at most a
     * millisecond; call it only between calls. A session found dead stays unusable.
     */
    public boolean isAlive() {
        if (!broken && !association.isAlive()) {
            broken = true;
        }
        return !broken;
    }

    /**
     * Submits {@code request} as it is. A request marked on behalf of someone must have been signed
     * by the enrollment agent first ({@link EnrollmentAgent#sign}): sent as it is, the CA would
     * issue to the connector's own account.
     */
    public EnrollmentResult submit(EnrollmentRequest request) throws CaException {
        if (request.isOnBehalfOf()) {
            throw new CaException("a request on behalf of " + request.onBehalfOf()
                    + " must be signed by the enrollment agent before it is submitted");
        }
        return call(CertServerRequest.submit(
                submitFlags(request), ca.caName(), request.attributeString(), request.request()));
    }

    /**
     * [MS-WCCE] 3.2.1.4.3.1.1 dwFlags of a submission: the request type, CR_IN_FULLRESPONSE for a
     * CMC full PKI response, CR_IN_ROBO for a renewal on behalf of its old certificate's subject
     * ([MS-WCCE] 3.2.2.6.2.1.2.4).
     */
    static RequestFlags submitFlags(EnrollmentRequest request) {
        java.util.List<RequestFlag> flags = new java.util.ArrayList<>();
        if (request.fullResponse()) {
            flags.add(RequestFlag.FULL_RESPONSE);
        }
        if (request.renewalOnBehalf()) {
            flags.add(RequestFlag.ROBO_RENEWAL);
        }
        return RequestFlags.of(new RequestType(request.format().requestType()), flags.toArray(RequestFlag[]::new));
    }

    public EnrollmentResult retrieve(int requestId, boolean fullResponse) throws CaException {
        RequestFlags flags =
                fullResponse ? RequestFlags.of(RequestType.ANY, RequestFlag.FULL_RESPONSE) : RequestFlags.NONE;
        return call(CertServerRequest.retrieve(flags, ca.caName(), requestId));
    }

    /**
     * One CertServerRequest. A failure says by its kind whether the CA may have the request: not
     * before any fragment went out ({@link CaException.Kind#UNREACHABLE}: safe to send elsewhere);
     * after it ({@link CaException.Kind#OUTCOME_UNKNOWN}: a read timeout, a broken connection, an
     * undecodable answer, or a fault, which on this sealed association nobody can verify), unless
     * the fault says the logon was refused ({@link CaException.Kind#AUTHENTICATION}).
     */
    private EnrollmentResult call(CertServerRequest request) throws CaException {
        if (broken) {
            throw new CaException(
                    CaException.Kind.UNREACHABLE,
                    "the session with CA " + ca.caName() + " at " + endpoint + " is broken",
                    null);
        }
        try {
            byte[] stub = association.call(IcprInterface.OPNUM_CERT_SERVER_REQUEST, request.encode());
            return Dispositions.toResult(CertServerRequestResponse.decode(stub), ca.caName());
        } catch (RpcFaultException e) {
            // A fault about this call leaves the association usable; one about the security
            // context (a failed logon shows here, NTLM's auth3 having no reply) or the protocol
            // does not: the server closes the connection after it.
            if (breaksAssociation(e.status())) {
                broken = true;
            }
            CaException.Kind kind = isLogonRefusal(e.status())
                    ? CaException.Kind.AUTHENTICATION
                    : e.unverified() ? CaException.Kind.OUTCOME_UNKNOWN : CaException.Kind.OTHER;
            throw new CaException(
                    kind, "CA " + ca.caName() + " at " + endpoint + " refused the call: " + e.getMessage(), e);
        } catch (IOException | RpcException | RpcSecurityException | NdrException e) {
            broken = true;
            boolean sent = association.requestSent();
            throw new CaException(
                    sent ? CaException.Kind.OUTCOME_UNKNOWN : CaException.Kind.UNREACHABLE,
                    "CA " + ca.caName() + " at " + endpoint + ": " + e.getMessage()
                            + (sent ? " (after the request was sent)" : " (before the request was sent)"),
                    e);
        }
    }

    /** nca_s_fault_access_denied, rpc_s_sec_pkg_error: how a refused logon shows ([MS-RPCE] 3.3.1.5.2.2). */
    private static boolean isLogonRefusal(FaultStatus status) {
        return status.equals(FaultStatus.ACCESS_DENIED) || status.equals(FaultStatus.SEC_PKG_ERROR);
    }

    private static boolean breaksAssociation(FaultStatus status) {
        return status.equals(FaultStatus.ACCESS_DENIED)
                || status.equals(FaultStatus.PROTO_ERROR)
                || status.equals(FaultStatus.SEC_PKG_ERROR);
    }

    @Override
    public void close() throws IOException {
        broken = true;
        association.close();
    }
}
