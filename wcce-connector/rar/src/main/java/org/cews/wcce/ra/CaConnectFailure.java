package org.cews.wcce.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.CaException.Kind;
import org.cews.wcce.msrpce.FaultStatus;
import org.cews.wcce.msrpce.RpcFaultException;
import org.cews.wcce.msrpce.RpcSecurityException;

/**
 * Why the adapter could not make a connection to one CA: which CA, whom it authenticated as, what
 * failed, and the {@link Kind} of the failure. The container wraps it in its own exception
 * (IronJacamar: "IJ000453: Unable to get managed connection ..."), whose message loses it;
 * {@link FailoverConnection} finds it in the cause chain ({@link #in}) and gives the caller a
 * {@link CaException} of the same kind and reason. Messages hold names, never passwords or keys.
 */
final class CaConnectFailure extends ResourceAdapterInternalException {

    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final String reason;

    CaConnectFailure(Kind kind, ConfiguredCa ca, String reason, Throwable cause) {
        super("cannot connect to CA " + ca.config() + " " + reason, cause);
        this.kind = kind;
        this.reason = reason;
    }

    Kind kind() {
        return kind;
    }

    /** The message without the CA's name: {@code as <identity>: <what failed>}. */
    String reason() {
        return reason;
    }

    /** The adapter's own failure in {@code e}'s cause chain, if the container kept it there. */
    static Optional<CaConnectFailure> in(ResourceException e) {
        for (Throwable t : chain(e)) {
            if (t instanceof CaConnectFailure failure) {
                return Optional.of(failure);
            }
        }
        return Optional.empty();
    }

    /** {@code e} and its causes, each once. */
    private static List<Throwable> chain(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /**
     * The kind of a failed bind or call: refused authentication (a security provider's refusal,
     * or a fault nca_s_fault_access_denied or rpc_s_sec_pkg_error, which is how a failed NTLM
     * logon shows at the first call, [MS-RPCE] 3.3.1.5.2.2 / 2.2.2.13) or a CA that cannot be
     * reached (anything else below the call: no connection, a broken association).
     */
    static Kind ofBindOrCall(Throwable e) {
        for (Throwable t : chain(e)) {
            if (t instanceof RpcSecurityException) {
                return Kind.AUTHENTICATION;
            }
            if (t instanceof RpcFaultException fault) {
                FaultStatus status = fault.status();
                return status.equals(FaultStatus.ACCESS_DENIED) || status.equals(FaultStatus.SEC_PKG_ERROR)
                        ? Kind.AUTHENTICATION
                        : Kind.UNREACHABLE;
            }
        }
        return Kind.UNREACHABLE;
    }

    /**
     * The kind of a failure to get Kerberos credentials (keytab login, service ticket, S4U): a KDC
     * that cannot be reached (a socket failure in the cause chain) or a refusal.
     */
    static Kind ofCredentials(Throwable e) {
        for (Throwable t : chain(e)) {
            if (t instanceof SocketException
                    || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException) {
                return Kind.UNREACHABLE;
            }
        }
        return Kind.AUTHENTICATION;
    }

    /**
     * {@code e}'s message followed by those of its causes that it does not already hold: the JDK's
     * Kerberos puts the KDC's answer ("Client not found in Kerberos database (6)") two causes
     * below the GSS-API's "S4U2self credentials failed".
     */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable t : chain(e)) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && text.indexOf(message) < 0) {
                text.append("; ").append(message);
            }
        }
        return text.toString();
    }
}
