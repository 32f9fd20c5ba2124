package org.cews.ces.service;

import jakarta.resource.ResourceException;
import org.cews.ces.CesMessage;
import org.cews.soap.auth.CallerIdentity;
import org.cews.wcce.api.CaConnection;
import org.cews.wcce.api.CaConnectionFactory;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.EnrollmentResult;

/**
 * Acts toward the CA for a caller, as {@link ActingMode} says (docs/WSTEP.md §7): in
 * enrollment-agent mode as the connector's own account, signing new requests on the caller's
 * behalf; in impersonation mode as the caller (S4U). A renewal goes as it is where the CA sees the
 * caller, and as a renewal on behalf of its old certificate's subject ([MS-WCCE] 3.2.2.6.2.1.2.4)
 * where the CA sees the connector's account (docs/WSTEP.md §6).
 */
final class CaGateway {

    private final CaConnectionFactory factory;
    private final ActingMode mode;

    CaGateway(CaConnectionFactory factory, ActingMode mode) {
        this.factory = factory;
        this.mode = mode;
    }

    String caName() {
        return factory.caName();
    }

    EnrollmentResult submit(CallerIdentity caller, EnrollmentRequest request, boolean renewal) throws CaException {
        return send(caller, toSend(caller, request, renewal));
    }

    /**
     * What goes to the CA: a renewal the CA would otherwise take for the connector's own (the
     * connector's account calls: enrollment-agent mode, or a caller with no mapped account) is
     * marked as a renewal on behalf of its old certificate's subject ([MS-WCCE] 3.2.2.6.2.1.2.4,
     * CR_IN_ROBO), so the CA issues to that subject; a new request in enrollment-agent mode is
     * signed by the agent on the caller's behalf; anything else goes as it is.
     */
    EnrollmentRequest toSend(CallerIdentity caller, EnrollmentRequest request, boolean renewal) {
        if (renewal) {
            return actsAsCaller(caller) ? request : request.renewingOnBehalf();
        }
        return mode == ActingMode.ENROLLMENT_AGENT && caller.account().isPresent()
                ? request.onBehalfOf(caller.account().get().ntName())
                : request;
    }

    private EnrollmentResult send(CallerIdentity caller, EnrollmentRequest sent) throws CaException {
        CaConnection connection = connection(caller);
        EnrollmentResult result;
        try {
            result = connection.submit(sent);
        } finally {
            closeQuietly(connection);
        }
        return result;
    }

    EnrollmentResult retrieve(CallerIdentity caller, String caName, int requestId) throws CaException {
        CaConnection connection = connection(caller);
        EnrollmentResult result;
        try {
            result = connection.retrieve(caName, requestId, true);
        } finally {
            closeQuietly(connection);
        }
        return result;
    }

    /**
     * Whether {@code e} is trouble of the server side that passes (HTTP 503, the client retries)
     * rather than a final answer about this caller: no CA reachable, a misconfigured connector, a
     * pool that lent no connection (the container's ResourceException below the CaException), or the
     * connector's own account refused by the KDC or the CA. Refused impersonation of the caller is
     * final.
     */
    boolean isTransient(CaException e, CallerIdentity caller) {
        switch (e.kind()) {
            case UNREACHABLE:
            case CONFIGURATION:
                return true;
            case AUTHENTICATION:
                return !actsAsCaller(caller);
            default:
                for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                    if (t instanceof ResourceException) {
                        return true;
                    }
                }
                return false;
        }
    }

    /** Whether the CA sees the caller itself (impersonation of a mapped account), not the connector. */
    boolean actsAsCaller(CallerIdentity caller) {
        return mode == ActingMode.IMPERSONATION && caller.account().isPresent();
    }

    private CaConnection connection(CallerIdentity caller) throws CaException {
        return actsAsCaller(caller)
                ? factory.getConnection(caller.account().get().kerberosPrincipal())
                : factory.getConnection();
    }

    /** A connection that cannot be given back does not change the CA's answer. */
    private static void closeQuietly(CaConnection connection) {
        try {
            connection.close();
        } catch (CaException e) {
            System.getLogger(CaGateway.class.getName())
                    .log(System.Logger.Level.DEBUG, CesMessage.CES0315.format(e.getMessage()));
        }
    }
}
