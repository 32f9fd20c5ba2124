package org.cews.client.wstep;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cews.client.soap.Namespaces;
import org.cews.client.soap.SoapWriter;

/**
 * [MS-WSTEP] 3.1.4.1.3.3 RequestSecurityTokenType, in the element order of 4.1.1.1 (Issue) and
 * 4.1.3.1 (QueryTokenStatus). The request is base64 on one line; EncodingType is always sent (IIS
 * refuses a BinarySecurityToken without it).
 */
public final class RequestSecurityToken {
    public static final String ACTION = "http://schemas.microsoft.com/windows/pki/2009/01/enrollment/RST/wstep";
    public static final String TOKEN_TYPE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3";
    public static final String ISSUE = "http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue";
    public static final String QUERY_TOKEN_STATUS =
            "http://schemas.microsoft.com/windows/pki/2009/01/enrollment/QueryTokenStatus";
    public static final String BASE64_BINARY = Namespaces.WSSE + "#base64binary";
    /** [MS-WSTEP] 3.1.4.1.3.3: a bare PKCS#10 request. */
    public static final String PKCS10 = "http://schemas.microsoft.com/windows/pki/2009/01/enrollment#PKCS10";
    /** [MS-WSTEP] 3.1.4.1.3.3: CMS or CMC, which a renewal is. */
    public static final String PKCS7 = Namespaces.WSSE + "#PKCS7";

    /** What goes into the BinarySecurityToken of an Issue request. */
    public enum RequestFormat {
        PKCS10(RequestSecurityToken.PKCS10),
        CMS(RequestSecurityToken.PKCS7);

        private final String valueType;

        RequestFormat(String valueType) {
            this.valueType = valueType;
        }

        public String valueType() {
            return valueType;
        }
    }

    private RequestSecurityToken() {}

    /** An Issue request for a new certificate or a renewal ([MS-WSTEP] 3.1.4.2.1.1). */
    public static byte[] issue(
            URI to, String messageId, byte[] request, RequestFormat format, List<SoapWriter.Block> headers) {
        return SoapWriter.envelope(ACTION, messageId, to, headers, w -> {
            start(w, ISSUE);
            w.setPrefix("wsse", Namespaces.WSSE);
            w.writeStartElement(Namespaces.WSSE, "BinarySecurityToken");
            w.writeNamespace("wsse", Namespaces.WSSE);
            w.writeAttribute("ValueType", format.valueType());
            w.writeAttribute("EncodingType", BASE64_BINARY);
            w.writeCharacters(Base64.getEncoder().encodeToString(request));
            w.writeEndElement();
            w.writeEmptyElement(Namespaces.WSTEP, "RequestID");
            w.writeNamespace("wstep", Namespaces.WSTEP);
            w.writeAttribute("xsi", Namespaces.XSI, "nil", "true");
            w.writeEndElement();
        });
    }

    /**
     * A QueryTokenStatus request for a pending request ([MS-WSTEP] 3.1.4.2.1.2); {@code to} is the
     * Reference URI the pending answer named.
     */
    public static byte[] queryTokenStatus(URI to, String messageId, String requestId, List<SoapWriter.Block> headers) {
        return SoapWriter.envelope(ACTION, messageId, to, headers, w -> {
            start(w, QUERY_TOKEN_STATUS);
            w.writeStartElement(Namespaces.WSTEP, "RequestID");
            w.writeNamespace("wstep", Namespaces.WSTEP);
            w.writeCharacters(requestId);
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private static void start(XMLStreamWriter w, String requestType) throws XMLStreamException {
        w.setPrefix("wst", Namespaces.WST);
        w.setPrefix("wstep", Namespaces.WSTEP);
        w.setPrefix("xsi", Namespaces.XSI);
        w.writeStartElement(Namespaces.WST, "RequestSecurityToken");
        w.writeNamespace("wst", Namespaces.WST);
        w.writeNamespace("xsi", Namespaces.XSI);
        SoapWriter.writeText(w, Namespaces.WST, "TokenType", TOKEN_TYPE);
        SoapWriter.writeText(w, Namespaces.WST, "RequestType", requestType);
    }
}
