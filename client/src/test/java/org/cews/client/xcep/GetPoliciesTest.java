package org.cews.client.xcep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cews.client.soap.Namespaces;
import org.cews.client.soap.Xml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class GetPoliciesTest {
    private static final URI CEP = URI.create("https://h/ADPolicyProvider_CEP_Kerberos/service.svc/CEP");

    @Test
    void aFirstFetchSendsNilsAsWindowsDoes() throws Exception {
        Element gp = body(GetPolicies.envelope(CEP, "urn:uuid:7", Optional.empty(), List.of()));

        assertEquals("GetPolicies", gp.getLocalName());
        assertEquals(Namespaces.XCEP, gp.getNamespaceURI());
        Element client = Xml.children(gp, Namespaces.XCEP, "client").get(0);
        assertTrue(Xml.isNil(Xml.children(client, Namespaces.XCEP, "lastUpdate").get(0)));
        assertTrue(Xml.isNil(
                Xml.children(client, Namespaces.XCEP, "preferredLanguage").get(0)));
        assertTrue(Xml.isNil(Xml.children(gp, Namespaces.XCEP, "requestFilter").get(0)));
    }

    @Test
    void aRefreshSendsTheTimeOfThePolicyHeld() throws Exception {
        byte[] env = GetPolicies.envelope(
                CEP, "urn:uuid:8", Optional.of(Instant.parse("2026-12-07T10:15:30.250Z")), List.of());

        Element client = Xml.children(body(env), Namespaces.XCEP, "client").get(0);
        assertEquals(
                "2026-12-07T10:15:30Z",
                Xml.text(client, Namespaces.XCEP, "lastUpdate").orElseThrow());
        Element header = Xml.children(Xml.parse(env).getDocumentElement(), Namespaces.SOAP12, "Header")
                .get(0);
        assertEquals(
                GetPolicies.ACTION, Xml.text(header, Namespaces.WSA, "Action").orElseThrow());
        assertEquals(CEP.toString(), Xml.text(header, Namespaces.WSA, "To").orElseThrow());
        assertEquals("urn:uuid:8", Xml.text(header, Namespaces.WSA, "MessageID").orElseThrow());
    }

    private static Element body(byte[] env) throws Exception {
        Element body = Xml.children(Xml.parse(env).getDocumentElement(), Namespaces.SOAP12, "Body")
                .get(0);
        return Xml.children(body).get(0);
    }
}
