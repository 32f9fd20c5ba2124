package org.cews.soap.fault;

/** The SOAP 1.2 fault codes a server sends (SOAP 1.2 Part 1 §5.4.6), local names in the envelope namespace. */
public enum FaultCode {
    /** The envelope is not SOAP 1.2. */
    VERSION_MISMATCH("VersionMismatch"),
    /** The request is wrong and would be wrong again: no retry helps. */
    SENDER("Sender"),
    /** The server could not process a correct request. */
    RECEIVER("Receiver");

    private final String localName;

    FaultCode(String localName) {
        this.localName = localName;
    }

    public String localName() {
        return localName;
    }
}
