package org.cews.cep.xcep;

/** A GetPolicies request this service cannot answer: the message is the Sender fault's reason. */
public class XcepRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    public XcepRequestException(String message) {
        super(message);
    }
}
