package org.cews.client.xcep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.OptionalInt;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.Fixtures;
import org.cews.client.soap.Xml;
import org.junit.jupiter.api.Test;

class GetPoliciesResponseReaderTest {

    @Test
    void readsTheRealAdcsResponseWithOneV1Template() throws Exception {
        EnrollmentPolicy p = GetPoliciesResponseReader.read(
                Fixtures.payload("adcs/getpolicies-response-machine-template.xml"), "fixture");

        assertEquals("{DA239A97-1289-4B14-924F-B318D56ED254}", p.policyId());
        assertEquals("", p.friendlyName());
        assertEquals(OptionalInt.of(8), p.nextUpdateHours());
        assertFalse(p.policiesNotChanged());
        assertEquals(1, p.templates().size());
        Template t = p.template("machine").orElseThrow();
        assertEquals("Machine", t.commonName());
        assertEquals(1, t.policySchema());
        assertEquals(List.of(0), t.caReferences());
        assertTrue(t.enroll());
        assertFalse(t.autoEnroll());
        assertEquals(2048, t.minimalKeyLength());
        assertEquals(OptionalInt.empty(), t.algorithmOidReference());
        assertEquals(5, t.majorRevision());
        assertEquals(1, t.minorRevision());
        assertEquals(31536000L, t.validitySeconds());
        assertEquals(new Template.Flags(0, 402653184L, 0, 66144L), t.flags());
        assertEquals(
                "1.3.6.1.4.1.311.21.8.391007.14191702.9126033.6337603.8513481.227.1.14",
                p.templateOid(t).orElseThrow().value());
        assertEquals("Computer", p.templateOid(t).orElseThrow().defaultName().orElseThrow());

        CertificationAuthority ca = p.casOf(t).get(0);
        assertEquals(0, ca.referenceId());
        assertTrue(ca.enrollPermission());
        assertEquals(
                List.of(new CaUri(
                        2,
                        URI.create("https://win-ca01.mars.milkyway.site/MARS-ROOT-CA_CES_Kerberos/service.svc/CES"),
                        OptionalInt.of(1),
                        false)),
                ca.uris());
        X509Certificate cert = (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(ca.certificate()));
        assertTrue(cert.getSubjectX500Principal().getName().contains("CN=MARS-ROOT-CA"));
        assertEquals(6, p.oids().size());
    }

    @Test
    void nilCollectionsAreEmpty() throws Exception {
        EnrollmentPolicy p = GetPoliciesResponseReader.read(
                Fixtures.payload("adcs/getpolicies-response-no-templates.xml"), "fixture");

        assertEquals("{F803BF1A-EB36-42A4-973C-AF4555EB8782}", p.policyId());
        assertEquals("My PKI", p.friendlyName());
        assertEquals(OptionalInt.of(1), p.nextUpdateHours());
        assertTrue(p.templates().isEmpty());
        assertTrue(p.cas().isEmpty());
        assertTrue(p.oids().isEmpty());
    }

    @Test
    void nilPriorityRenewalOnlyAsDigitAndUnknownAuthenticationAreKept() throws Exception {
        EnrollmentPolicy p = read(cas("<x:cAURI><x:clientAuthentication>8</x:clientAuthentication>"
                + "<x:uri>https://h/CA_CES_Certificate/service.svc/CES</x:uri><x:priority xsi:nil=\"true\"/>"
                + "<x:renewalOnly>1</x:renewalOnly></x:cAURI>"
                + "<x:cAURI><x:clientAuthentication>16</x:clientAuthentication><x:uri>https://h/other</x:uri>"
                + "<x:priority>3</x:priority><x:renewalOnly xsi:nil=\"true\"/></x:cAURI>"));

        List<CaUri> uris = p.cas().get(0).uris();
        assertEquals(OptionalInt.empty(), uris.get(0).priority());
        assertEquals(Long.MAX_VALUE, uris.get(0).sortKey());
        assertTrue(uris.get(0).renewalOnly());
        assertEquals(16, uris.get(1).clientAuthentication());
        assertFalse(uris.get(1).renewalOnly());
        assertTrue(ClientAuthentication.of(16).isEmpty());
        assertTrue(p.policiesNotChanged());
    }

    @Test
    void aUriWithoutItsAddressIsAProtocolError() {
        ClientException e = assertThrows(
                ClientException.class,
                () -> read(cas("<x:cAURI><x:clientAuthentication>2</x:clientAuthentication>"
                        + "<x:priority>1</x:priority></x:cAURI>")));
        assertEquals(ClientMessage.MISSING_ELEMENT, e.messageId());
        assertTrue(e.getMessage().contains("cAURI/uri"), e.getMessage());
    }

    @Test
    void aResponseOfAnotherOperationIsRefused() {
        ClientException e = assertThrows(
                ClientException.class,
                () -> GetPoliciesResponseReader.read(Fixtures.payload("adcs/rstrc-issued-body.xml"), "fixture"));
        assertEquals(ClientMessage.MISSING_ELEMENT, e.messageId());
    }

    private static String cas(String uris) {
        return "<x:GetPoliciesResponse xmlns:x=\"http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><x:response><x:policyID>p</x:policyID>"
                + "<x:policyFriendlyName/><x:nextUpdateHours>8</x:nextUpdateHours>"
                + "<x:policiesNotChanged>true</x:policiesNotChanged><x:policies xsi:nil=\"true\"/></x:response>"
                + "<x:cAs><x:cA><x:uris>" + uris + "</x:uris><x:certificate>AAAA</x:certificate>"
                + "<x:enrollPermission>true</x:enrollPermission><x:cAReferenceID>0</x:cAReferenceID></x:cA></x:cAs>"
                + "<x:oIDs xsi:nil=\"true\"/></x:GetPoliciesResponse>";
    }

    private static EnrollmentPolicy read(String xml) throws Exception {
        return GetPoliciesResponseReader.read(
                Xml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement(), "test");
    }
}
