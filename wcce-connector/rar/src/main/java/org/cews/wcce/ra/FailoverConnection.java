package org.cews.wcce.ra;

import jakarta.resource.ResourceException;
import java.util.ArrayList;
import java.util.List;
import org.cews.wcce.api.CaConnection;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.EnrollmentResult;

/**
 * What {@link CaConnectionFactoryImpl} hands the CES: for each call it borrows a pooled connection
 * to one CA ({@link CaRequestInfo} names the CA and whom the CA sees) and gives it back.
 *
 * <p>A submission goes to the CA of highest priority that is not in its back-off ({@link
 * CaAvailability}; when a back-off ends, one request probes the CA). It goes on to the next CA
 * only when the request provably did not reach this one: no connection, endpoint mapper or bind
 * (the CA is then skipped for the back-off), or an association found broken before the first
 * request fragment was written. When the pool cannot lend a connection for another reason (every
 * one busy, no service ticket) the next CA is tried too, without a back-off.
 *
 * <p>Once the request may have reached a CA, no other CA gets it, so that two CAs never issue for
 * one key: whatever that CA answers (issued, pending, denied, RPC_S_SERVER_UNAVAILABLE returned
 * as the disposition, [MS-ICPR] 3.2.4.1.1 note 7) is the answer; a read timeout, a connection
 * broken after the request went out, or a fault PDU (which nobody can verify on a sealed
 * association) is a {@link CaException.Kind#OUTCOME_UNKNOWN} error naming the CA (WCCE0504), and
 * the CA is not backed off; a refused logon is a configuration error (WCCE0503), not an outage. A
 * retrieval goes to the CA named, and only to it ([MS-WCCE] 3.2.1.4.2.1.4.1.3: the request id is
 * that CA's).
 */
final class FailoverConnection implements CaConnection {

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
            if (availability.admit(ca) == CaAvailability.Admission.SKIP) {
                why.add(new Failure(
                        CaException.Kind.UNREACHABLE,
                        ca.config() + ": " + availability.whySkipped(ca).orElse("skipped"),
                        null));
                continue;
            }
            try {
                return onOne(ca, call, availability);
            } catch (NotDelivered e) {
                why.add(e.failure);
                if (!e.tryNext) {
                    break;
                }
            } finally {
                availability.probeEnded(ca); // a probe that found no verdict lets the next one try
            }
        }
        throw failed(failure, why);
    }

    /** The call did not reach the CA; {@code tryNext}: whether the next CA may be tried. */
    private static final class NotDelivered extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Failure failure;
        private final boolean tryNext;

        NotDelivered(Failure failure, boolean tryNext) {
            super(failure.text(), null, false, false);
            this.failure = failure;
            this.tryNext = tryNext;
        }
    }

    /**
     * The call on one CA: its answer, or {@link NotDelivered} when the request provably did not
     * reach it (no connection or bind, an association found broken before the request went out),
     * or a {@link CaException} the caller gets as it is, never tried elsewhere: the CA's fault, a
     * refused logon (a configuration error, WCCE0503), or an outcome that cannot be known
     * (WCCE0504). A returned RPC_S_SERVER_UNAVAILABLE disposition is an answer like any other.
     */
    private <T> T onOne(ConfiguredCa ca, Call<T> call, CaAvailability availability) throws CaException, NotDelivered {
        CaConnectionHandle handle;
        try {
            handle = factory.allocate(who.at(ca));
        } catch (ResourceException e) {
            throw new NotDelivered(allocationFailed(ca, e, availability), true);
        }
        long generation = handle.owner() == null ? -1 : handle.owner().generation();
        try {
            T answer = call.on(handle);
            availability.answered(ca, generation);
            lastEndpoint = handle.endpoint();
            return answer;
        } catch (CaException e) {
            String as = ca.config() + " as " + factory.managedFactory().identity(who);
            switch (e.kind()) {
                case UNREACHABLE -> {
                    availability.failed(ca, e.getMessage());
                    throw new NotDelivered(new Failure(e.kind(), as + ": " + e.getMessage(), e), true);
                }
                case OUTCOME_UNKNOWN -> {
                    availability.outcomeUnknown(as, e.getMessage());
                    throw new CaException(
                            CaException.Kind.OUTCOME_UNKNOWN,
                            ConnectorMessage.OUTCOME_UNKNOWN.format(as, e.getMessage()),
                            e);
                }
                case AUTHENTICATION -> {
                    // A failed NTLM logon shows here, as a fault at the first call after the bind. The
                    // request went out: no other CA is tried, and this one is not backed off.
                    availability.authenticationFailed(ca, as + ": " + e.getMessage());
                    throw new NotDelivered(new Failure(e.kind(), as + ": " + e.getMessage(), e), false);
                }
                default -> throw e; // the CA answered this call with a fault, or nothing was sent
            }
        } finally {
            handle.close();
        }
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
}
