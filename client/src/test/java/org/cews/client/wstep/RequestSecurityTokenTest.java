package org.cews.client.wstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import org.cews.client.Fixtures;
import org.cews.client.soap.Namespaces;
import org.cews.client.soap.Xml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class RequestSecurityTokenTest {
    private static final URI CES = URI.create("https://h/CA_CES_Kerberos/service.svc/CES");

    @Test
    void anIssueRequestHasTheElementsOfTheSpecExampleInItsOrder() throws Exception {
        byte[] csr = new byte[200];
        csr[0] = 0x30;
        byte[] env = RequestSecurityToken.issue(
                CES, "urn:uuid:1", csr, RequestSecurityToken.RequestFormat.PKCS10, List.of());

        Element rst = body(env);
        assertEquals(names(body(Fixtures.bytes("wstep/standard_certificate_client_request.xml"))), names(rst));
        Element bst = Xml.child(rst, Namespaces.WSSE, "BinarySecurityToken").orElseThrow();
        assertEquals(RequestSecurityToken.PKCS10, bst.getAttribute("ValueType"));
        assertEquals(RequestSecurityToken.BASE64_BINARY, bst.getAttribute("EncodingType"));
        assertEquals(Base64.getEncoder().encodeToString(csr), bst.getTextContent());
        assertTrue(Xml.isNil(Xml.children(rst, Namespaces.WSTEP, "RequestID").get(0)));
        assertHeader(env, RequestSecurityToken.ACTION, CES.toString());
    }

    @Test
    void aQueryTokenStatusCarriesTheRequestIdAsTheSpecExampleDoes() throws Exception {
        byte[] env = RequestSecurityToken.queryTokenStatus(CES, "urn:uuid:2", "65", List.of());

        Element rst = body(env);
        assertEquals(names(body(Fixtures.bytes("wstep/retrieve_pended_certificate_request.xml"))), names(rst));
        assertEquals("65", Xml.text(rst, Namespaces.WSTEP, "RequestID").orElseThrow());
        assertEquals(
                RequestSecurityToken.QUERY_TOKEN_STATUS,
                Xml.text(rst, Namespaces.WST, "RequestType").orElseThrow());
    }

    static void assertHeader(byte[] env, String action, String to) throws Exception {
        Element header = Xml.children(Xml.parse(env).getDocumentElement(), Namespaces.SOAP12, "Header")
                .get(0);
        Element a = Xml.child(header, Namespaces.WSA, "Action").orElseThrow();
        assertEquals(action, a.getTextContent());
        assertEquals("1", a.getAttributeNS(Namespaces.SOAP12, "mustUnderstand"));
        assertEquals(to, Xml.text(header, Namespaces.WSA, "To").orElseThrow());
        assertTrue(Xml.text(header, Namespaces.WSA, "MessageID").orElseThrow().startsWith("urn:uuid:"));
    }

    static Element body(byte[] env) throws Exception {
        Element body = Xml.children(Xml.parse(env).getDocumentElement(), Namespaces.SOAP12, "Body")
                .get(0);
        return Xml.children(body).get(0);
    }

    private static List<String> names(Element e) {
        return Xml.children(e).stream()
                .map(c -> "{" + c.getNamespaceURI() + "}" + c.getLocalName())
                .toList();
    }
}
