package org.cews.ces.wstep;

import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the SOAP Body content of a WSTEP answer: the RequestSecurityTokenResponseCollection with
 * exactly one RequestSecurityTokenResponse ([MS-WSTEP] 3.1.4.1.3.5), and the
 * CertificateEnrollmentWSDetail of a fault (3.1.4.1.3.7). The element order, nil and base64 rules
 * live here only (docs/WSTEP.md §4-5):
 *
 * <ul>
 *   <li>issued (4.1.1.2): TokenType, DispositionMessage, BinarySecurityToken #PKCS7,
 *       RequestedSecurityToken holding the certificate alone as BinarySecurityToken #X509v3,
 *       RequestID;
 *   <li>pending (3.1.4.1.3.2): TokenType, DispositionMessage, RequestedSecurityToken holding
 *       SecurityTokenReference/Reference with an unqualified URI attribute, RequestID;
 *   <li>base64 on one line without any whitespace (cepces re-wraps the certificate and fails on
 *       anything else); DispositionMessage with xml:lang; RequestID in decimal;
 *   <li>detail: BinaryResponse, ErrorCode (signed decimal HRESULT), InvalidRequest, RequestID, each
 *       present and xsi:nil when absent.
 * </ul>
 */
public final class RstrcWriter {

    private static final String LANG = "en-US";

    private RstrcWriter() {}

    public static void write(XMLStreamWriter w, RstResponse response) throws XMLStreamException {
        w.writeStartElement("wst", "RequestSecurityTokenResponseCollection", Wstep.NS_WST);
        w.writeNamespace("wst", Wstep.NS_WST);
        w.writeNamespace("wstep", Wstep.NS_WSTEP);
        w.writeNamespace("wsse", Wstep.NS_WSSE);
        w.writeStartElement("wst", "RequestSecurityTokenResponse", Wstep.NS_WST);
        element(w, "wst", "TokenType", Wstep.NS_WST, Wstep.TOKEN_TYPE_X509V3);
        w.writeStartElement("wstep", "DispositionMessage", Wstep.NS_WSTEP);
        w.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", LANG);
        w.writeCharacters(response.disposition());
        w.writeEndElement();
        if (response instanceof RstResponse.Issued issued) {
            token(w, Wstep.VALUE_TYPE_PKCS7, issued.pkcs7());
            w.writeStartElement("wst", "RequestedSecurityToken", Wstep.NS_WST);
            token(w, Wstep.TOKEN_TYPE_X509V3, issued.certificate());
            w.writeEndElement();
        } else if (response instanceof RstResponse.Pending pending) {
            w.writeStartElement("wst", "RequestedSecurityToken", Wstep.NS_WST);
            w.writeStartElement("wsse", "SecurityTokenReference", Wstep.NS_WSSE);
            w.writeEmptyElement("wsse", "Reference", Wstep.NS_WSSE);
            w.writeAttribute("URI", pending.reference().toString());
            w.writeEndElement();
            w.writeEndElement();
        }
        element(w, "wstep", "RequestID", Wstep.NS_WSTEP, Integer.toString(response.requestId()));
        w.writeEndElement();
        w.writeEndElement();
    }

    /** The fault's Detail content, in AD CS's shape: default namespace wstep, xsd and xsi declared. */
    public static void writeDetail(XMLStreamWriter w, EnrollmentDetail detail) throws XMLStreamException {
        w.writeStartElement("", "CertificateEnrollmentWSDetail", Wstep.NS_WSTEP);
        w.writeDefaultNamespace(Wstep.NS_WSTEP);
        w.writeNamespace("xsd", Wstep.NS_XSD);
        w.writeNamespace("xsi", Wstep.NS_XSI);
        nillable(
                w,
                "BinaryResponse",
                detail.binaryResponse().map(RstrcWriter::base64).orElse(null));
        nillable(
                w,
                "ErrorCode",
                detail.errorCode().isPresent()
                        ? Integer.toString(detail.errorCode().getAsInt())
                        : null);
        nillable(
                w,
                "InvalidRequest",
                detail.invalidRequest().map(b -> b ? "true" : "false").orElse(null));
        nillable(w, "RequestID", detail.requestId().orElse(null));
        w.writeEndElement();
    }

    private static void nillable(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value == null) {
            w.writeEmptyElement("", name, Wstep.NS_WSTEP);
            w.writeAttribute("xsi", Wstep.NS_XSI, "nil", "true");
        } else {
            element(w, "", name, Wstep.NS_WSTEP, value);
        }
    }

    private static void token(XMLStreamWriter w, String valueType, byte[] der) throws XMLStreamException {
        w.writeStartElement("wsse", "BinarySecurityToken", Wstep.NS_WSSE);
        w.writeAttribute("ValueType", valueType);
        w.writeAttribute("EncodingType", Wstep.ENCODING_BASE64);
        w.writeCharacters(base64(der));
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String prefix, String name, String ns, String text)
            throws XMLStreamException {
        w.writeStartElement(prefix, name, ns);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** One line, no whitespace: the only form cepces reads safely. */
    static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }
}
