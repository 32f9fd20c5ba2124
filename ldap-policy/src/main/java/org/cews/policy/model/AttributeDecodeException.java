package org.cews.policy.model;

/**
 * An attribute of a directory object could not be decoded: a bad interval length, an unparsable
 * integer, a bad OID, a malformed security descriptor, a missing required value. The message
 * names the object, the attribute and the value: {@code <dn>: <attribute> (expected: X, actual:
 * Y)}.
 */
public class AttributeDecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String dn;
    private final String attribute;
    private final String value;

    public AttributeDecodeException(String dn, String attribute, String value, String expected) {
        super(dn + ": " + attribute + " (expected: " + expected + ", actual: " + value + ")");
        this.dn = dn;
        this.attribute = attribute;
        this.value = value;
    }

    public String dn() {
        return dn;
    }

    public String attribute() {
        return attribute;
    }

    /** The offending value as text (hex for binary values), or "absent". */
    public String value() {
        return value;
    }
}
