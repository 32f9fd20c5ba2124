package org.cews.soap.envelope;

import javax.xml.namespace.QName;

/**
 * The namespaces and names of the envelope this layer reads and writes: SOAP 1.2 (W3C SOAP 1.2
 * Part 1 §5), WS-Addressing 1.0 (W3C WS-Addressing Core §3.2, SOAP Binding §3), WS-Security 1.0
 * (OASIS WSS SOAP Message Security §5, UsernameToken Profile 1.1 §3). Prefixes on the wire are the
 * sender's choice; these are only the names matched and the prefixes written.
 */
public final class Soap12 {

    public static final String ENVELOPE_NS = "http://www.w3.org/2003/05/soap-envelope";
    /** SOAP 1.1, recognised only to answer VersionMismatch. */
    public static final String SOAP11_ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";

    public static final String WSA_NS = "http://www.w3.org/2005/08/addressing";
    public static final String WSSE_NS =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String WSU_NS =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    public static final QName ENVELOPE = new QName(ENVELOPE_NS, "Envelope");
    public static final QName HEADER = new QName(ENVELOPE_NS, "Header");
    public static final QName BODY = new QName(ENVELOPE_NS, "Body");

    public static final QName ACTION = new QName(WSA_NS, "Action");
    public static final QName MESSAGE_ID = new QName(WSA_NS, "MessageID");
    public static final QName TO = new QName(WSA_NS, "To");

    public static final QName SECURITY = new QName(WSSE_NS, "Security");
    public static final QName USERNAME_TOKEN = new QName(WSSE_NS, "UsernameToken");
    public static final QName USERNAME = new QName(WSSE_NS, "Username");
    public static final QName PASSWORD = new QName(WSSE_NS, "Password");
    public static final QName NONCE = new QName(WSSE_NS, "Nonce");
    public static final QName CREATED = new QName(WSU_NS, "Created");

    /** The Action of every fault reply (WS-Addressing SOAP Binding §6). */
    public static final String FAULT_ACTION = "http://www.w3.org/2005/08/addressing/soap/fault";

    /** The media type of every reply (SOAP 1.2 Part 2 §7.1.4; cepces decodes by the charset). */
    public static final String CONTENT_TYPE = "application/soap+xml; charset=utf-8";

    private Soap12() {}
}
