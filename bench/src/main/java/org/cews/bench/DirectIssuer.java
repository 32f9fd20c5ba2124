package org.cews.bench;

import java.util.Optional;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.EnrollmentResult;
import org.cews.wcce.client.EnrollmentAgent;
import org.cews.wcce.client.IcprSession;

/**
 * The connector calling the CA directly, as the CES's enrollment-agent mode has it do: the request
 * marked on behalf of the caller, signed by the Enrollment Agent ({@link EnrollmentAgent}, as the
 * resource adapter's connection handle signs it) and submitted on a pooled, bound MS-ICPR session
 * of the connector's account, asking for a CMC full response as the CES does.
 */
final class DirectIssuer implements Issuer<EnrollmentResult> {

    private final PooledSessions pool;
    private final EnrollmentAgent agent;
    private final String onBehalfOf;
    private final IssuedCheck check;

    DirectIssuer(PooledSessions pool, EnrollmentAgent agent, String onBehalfOf, IssuedCheck check) {
        this.pool = pool;
        this.agent = agent;
        this.onBehalfOf = onBehalfOf;
        this.check = check;
    }

    @Override
    public EnrollmentResult send(RequestSet.Entry entry) throws Exception {
        EnrollmentRequest r = entry.request();
        EnrollmentRequest asked = new EnrollmentRequest(r.format(), r.request(), r.attributes(), true);
        IcprSession session = pool.acquire();
        try {
            return session.submit(agent.sign(asked.onBehalfOf(onBehalfOf)));
        } finally {
            pool.release(session);
        }
    }

    @Override
    public Optional<String> check(EnrollmentResult answer, RequestSet.Entry entry) {
        return check.problem(answer, entry);
    }
}
