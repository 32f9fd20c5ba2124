package org.cews.ces.service;

import org.cews.ces.wstep.RstResponse;
import org.cews.ces.wstep.WstepFault;

/**
 * What the front door sends back for one RequestSecurityToken (docs/ARCHITECTURE.md §4.9): an
 * RSTRC (issued or pending, HTTP 200), a SOAP fault (HTTP 500: every final refusal, a CA's denial
 * included), or HTTP 503 without a fault when the trouble is transient, so that certmonger retries
 * instead of parking the request (docs/WSTEP.md §5).
 */
public sealed interface Outcome {

    record Answer(RstResponse response) implements Outcome {}

    record Fault(WstepFault fault) implements Outcome {}

    /** {@code reason} is for the log only; the client gets a bare 503. */
    record Transient(String reason) implements Outcome {}
}
