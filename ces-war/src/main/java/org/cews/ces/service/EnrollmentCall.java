package org.cews.ces.service;

import java.net.URI;
import java.util.Optional;
import org.cews.ces.wstep.RstRequest;
import org.cews.soap.auth.CallerIdentity;

/**
 * One RequestSecurityToken as the endpoint hands it to the {@link EnrollmentService}.
 *
 * @param caller who authenticated, and how
 * @param keyBasedRenewal the endpoint serves key-based renewal only
 * @param request what the body asked
 * @param endpoint this endpoint's URL as the client called it, without query: the base of the
 *     Reference URI of a pending answer (unless {@code cews.ces.baseUrl} replaces its origin)
 * @param pendingToken the {@code pending} query parameter of the request URL, if any (a
 *     QueryTokenStatus sent to a Reference URI carries it)
 * @param correlationId the id the audit line and the log share with the answer
 */
public record EnrollmentCall(
        CallerIdentity caller,
        boolean keyBasedRenewal,
        RstRequest request,
        URI endpoint,
        Optional<String> pendingToken,
        String correlationId) {}
