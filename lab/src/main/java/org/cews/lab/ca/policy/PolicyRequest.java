package org.cews.lab.ca.policy;

import org.cews.lab.ca.request.ParsedRequest;
import org.cews.lab.ca.request.RequestAttributes;
import org.cews.wcce.msicpr.RequestFlags;

/**
 * The input of one policy evaluation: the decoded request, the call's {@code pwszAttributes}, its
 * dwFlags, the authenticated caller, and whether an officer already approved it (a resubmission
 * of a pending request, which skips CT_FLAG_PEND_ALL_REQUESTS).
 */
public record PolicyRequest(
        ParsedRequest request,
        RequestAttributes callAttributes,
        RequestFlags flags,
        EndEntity caller,
        boolean officerApproved) {}
