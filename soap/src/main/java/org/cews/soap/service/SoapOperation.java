package org.cews.soap.service;

import org.cews.soap.fault.SoapFaultException;
import org.cews.soap.fault.TransientFailureException;

/**
 * One operation of a service, chosen by the request's wsa:Action. It reads the body from {@link
 * SoapCall#request()}, calls a container-free service and returns the answer; a bad request is a
 * {@link SoapFaultException} (HTTP 500), a backend that is down for now a {@link
 * TransientFailureException} (HTTP 503).
 */
@FunctionalInterface
public interface SoapOperation {

    SoapAnswer invoke(SoapCall call) throws SoapFaultException, TransientFailureException;
}
