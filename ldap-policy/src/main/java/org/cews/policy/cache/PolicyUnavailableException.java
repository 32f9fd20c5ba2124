package org.cews.policy.cache;

/**
 * No enrollment policy can be served: no read of the directory has succeeded yet. The message says
 * whether the first read is still running or why it failed; the CEP turns it into a SOAP fault.
 */
public class PolicyUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public PolicyUnavailableException(String message) {
        super(message);
    }
}
