package org.cews.soap.fault;

/** An operation refuses the request with this fault: HTTP 500 and the fault in the Body. */
public class SoapFaultException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SoapFault fault;

    public SoapFaultException(SoapFault fault) {
        super(fault.reason());
        this.fault = fault;
    }

    public SoapFault fault() {
        return fault;
    }
}
