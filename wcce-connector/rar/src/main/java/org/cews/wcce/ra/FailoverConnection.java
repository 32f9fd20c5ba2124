package org.cews.wcce.ra;

import jakarta.resource.ResourceException;
import java.util.ArrayList;
import java.util.List;
import org.cews.wcce.api.CaConnection;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.EnrollmentResult;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.msrpce.FaultStatus;
import org.cews.wcce.msrpce.RpcFaultException;

/**
 * What {@link CaConnectionFactoryImpl} hands the CES: for each call it borrows a pooled connection
 * to one CA ({@link CaRequestInfo} names the CA and whom the CA sees) and gives it back.
 *
 * <p>A submission goes to the CA of highest priority that is not in its back-off; if that CA
 * cannot be reached (no connection or bind, a broken association, RPC_S_SERVER_UNAVAILABLE as a
 * fault or as the return value, which [MS-ICPR] 3.2.4.1.1 note 7 gives when the CA refuses the
 * interface) the next is tried, and the CA is skipped for the back-off ({@link CaAvailability}).
 * When the pool cannot lend a connection for another reason (every one busy, no service ticket)
 * the next CA is tried too, without a back-off. Whatever a CA answers (issued, pending, denied,
 * a fault about the call) is the answer, never submitted elsewhere: a denial is a decision, not
 * an outage. An
 * association that breaks mid-call may have delivered the request before it broke; trying the
 * next CA then can leave a second request on the first, as when a Windows client moves on to
 * its next CA. A retrieval goes to the CA named, and only to it ([MS-WCCE] 3.2.1.4.2.1.4.1.3: the
 * request id is that CA's).
 */
final class FailoverConnection implements CaConnection {

    private static final int RPC_S_SERVER_UNAVAILABLE = 0x000006BA;

    private final CaConnectionFactoryImpl factory;
    private final CaRequestInfo who;
    private volatile boolean closed;
    private volatile String lastEndpoint;

    FailoverConnection(CaConnectionFactoryImpl factory, CaRequestInfo who) {
        this.factory = factory;
        this.who = who;
    }

    /** One use of a borrowed connection. */
    private interface Call<T> {
        T on(CaConnectionHandle handle) throws CaException;
    }

    @Override
    public EnrollmentResult submit(EnrollmentRequest request) throws CaException {
        return onFirstAvailable(cas(), handle -> handle.submit(request), "the request was submitted to no CA");
    }

    @Override
    public EnrollmentResult retrieve(String caName, int requestId, boolean fullResponse) throws CaException {
        List<ConfiguredCa> holders = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ConfiguredCa ca : cas()) {
            names.add(ca.name());
            if (ca.name().equalsIgnoreCase(caName)) {
                holders.add(ca); // one CA, perhaps reachable on several hosts (cluster nodes)
            }
        }
        if (holders.isEmpty()) {
            throw new CaException("no CA named " + caName + " is configured (configured: " + String.join(", ", names)
                    + "); request " + requestId + " can only be retrieved from the CA that holds it");
        }
        return onFirstAvailable(
                holders,
                handle -> handle.retrieve(caName, requestId, fullResponse),
                "request " + requestId + " can only be retrieved from CA " + caName + ", which cannot be reached"
                        + " now; no other CA was asked");
    }

    @Override
    public EnrollmentResult retrieve(int requestId, boolean fullResponse) throws CaException {
        return retrieve(factory.caName(), requestId, fullResponse);
    }

    @Override
    public String endpoint() throws CaException {
        String last = lastEndpoint;
        return last != null ? last : onFirstAvailable(cas(), CaConnectionHandle::endpoint, "no CA can be reached");
    }

    @Override
    public void close() {
        closed = true;
    }

    private List<ConfiguredCa> cas() throws CaException {
        if (closed) {
            throw new CaException("this CA connection was closed");
        }
        try {
            return factory.managedFactory().cas();
        } catch (ResourceException e) {
            throw new CaException(
                    CaException.Kind.CONFIGURATION, "the CA connector is misconfigured: " + e.getMessage(), e);
        }
    }

    /** Why one CA gave no answer. */
    private record Failure(CaException.Kind kind, String text, Throwable cause) {}

    private <T> T onFirstAvailable(List<ConfiguredCa> cas, Call<T> call, String failure) throws CaException {
        CaAvailability availability = factory.managedFactory().availability();
        List<Failure> why = new ArrayList<>();
        for (ConfiguredCa ca : cas) {
            if (availability.skipped(ca)) {
                why.add(new Failure(
                        CaException.Kind.UNREACHABLE,
                        ca.config() + ": " + availability.whySkipped(ca).orElse("skipped"),
                        null));
                continue;
            }
            CaConnectionHandle handle;
            try {
                handle = factory.allocate(who.at(ca));
            } catch (ResourceException e) {
                why.add(allocationFailed(ca, e, availability));
                continue;
            }
            try {
                T answer = call.on(handle);
                if (answer instanceof EnrollmentResult.Denied denied
                        && denied.hresult() == HResult.RPC_S_SERVER_UNAVAILABLE.code()) {
                    String reason = "the CA refuses MS-ICPR (RPC_S_SERVER_UNAVAILABLE 0x800706BA returned)";
                    availability.failed(ca, reason);
                    why.add(new Failure(CaException.Kind.UNREACHABLE, ca.config() + ": " + reason, null));
                    continue;
                }
                availability.answered(ca);
                lastEndpoint = handle.endpoint();
                return answer;
            } catch (CaException e) {
                if (!unreachable(handle, e)) {
                    availability.answered(ca);
                    throw e; // the CA answered this call with a fault: its answer
                }
                availability.failed(ca, e.getMessage());
                // A failed NTLM logon shows here, as a fault at the first call after the bind.
                why.add(new Failure(
                        CaConnectFailure.ofBindOrCall(e),
                        ca.config() + " as " + factory.managedFactory().identity(who) + ": " + e.getMessage(),
                        e));
            } finally {
                handle.close();
            }
        }
        throw failed(failure, why);
    }

    /**
     * The pool lent no connection to {@code ca}. The container's exception (IronJacamar's
     * IJ000453) says only that; the adapter's own {@link CaConnectFailure} in its cause chain says
     * why. Without one (the pool had no free connection for the call, say) the CA's back-off
     * reason, if the adapter recorded one, else the container's message.
     */
    private static Failure allocationFailed(ConfiguredCa ca, ResourceException e, CaAvailability availability) {
        return CaConnectFailure.in(e)
                .map(adapter -> new Failure(adapter.kind(), ca.config() + " " + adapter.reason(), e))
                .orElseGet(() -> new Failure(
                        CaException.Kind.OTHER,
                        ca.config() + ": " + availability.whySkipped(ca).orElse(e.getMessage()),
                        e));
    }

    /**
     * One exception for every CA tried: each CA's reason in the message, the first CA's cause as
     * the cause and the others' as suppressed. Its kind is theirs when they agree, else
     * UNREACHABLE (some CA could not be reached, and another failed otherwise).
     */
    private static CaException failed(String failure, List<Failure> why) {
        CaException.Kind kind = why.stream()
                .map(Failure::kind)
                .reduce((a, b) -> a == b ? a : CaException.Kind.UNREACHABLE)
                .orElse(CaException.Kind.UNREACHABLE);
        List<String> texts = why.stream().map(Failure::text).toList();
        List<Throwable> causes =
                why.stream().map(Failure::cause).filter(c -> c != null).toList();
        CaException e = new CaException(
                kind, failure + ": " + String.join("; ", texts), causes.isEmpty() ? null : causes.get(0));
        causes.stream().skip(1).forEach(e::addSuppressed);
        return e;
    }

    /** A broken association, or RPC_S_SERVER_UNAVAILABLE as the fault status: the CA is not there. */
    private static boolean unreachable(CaConnectionHandle handle, CaException e) {
        CaManagedConnection connection = handle.owner();
        if (connection == null || !connection.isUsable()) {
            return true;
        }
        if (e.getCause() instanceof RpcFaultException fault) {
            FaultStatus status = fault.status();
            return status.code() == RPC_S_SERVER_UNAVAILABLE
                    || status.code() == HResult.RPC_S_SERVER_UNAVAILABLE.code();
        }
        return false;
    }
}
