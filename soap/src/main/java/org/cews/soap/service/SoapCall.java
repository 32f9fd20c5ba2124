package org.cews.soap.service;

import org.cews.soap.auth.CallerIdentity;
import org.cews.soap.envelope.SoapRequest;

/**
 * One authenticated request, as the front door hands it to an operation.
 *
 * @param correlationId the id of this request in every log and audit line and in fault reasons
 */
public record SoapCall(ServicePath path, SoapRequest request, CallerIdentity caller, String correlationId) {}
