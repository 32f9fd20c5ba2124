package org.cews.client.wstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.Fixtures;
import org.cews.client.soap.SoapResponse;
import org.junit.jupiter.api.Test;

class RstrcReaderTest {

    @Test
    void readsTheCertificateAdcsIssued() throws Exception {
        EnrollmentOutcome o = RstrcReader.read(Fixtures.payload("adcs/rstrc-issued-body.xml"), "fixture");

        EnrollmentOutcome.Issued issued = assertInstanceOf(EnrollmentOutcome.Issued.class, o);
        assertEquals("27", issued.requestId());
        assertEquals("Issued", issued.disposition());
        assertTrue(issued.pkcs7().isPresent());
        assertEquals(
                "CN=fedora2.mars.milkyway.site",
                x509(issued.certificate()).getSubjectX500Principal().getName());
    }

    @Test
    void readsTheSpecExampleWhoseBase64IsWrapped() throws Exception {
        SoapResponse r = SoapResponse.read(Fixtures.bytes("wstep/standard_certificate_server_response.xml"), "fixture");
        EnrollmentOutcome o =
                RstrcReader.read(assertInstanceOf(SoapResponse.Payload.class, r).element(), "fixture");

        EnrollmentOutcome.Issued issued = assertInstanceOf(EnrollmentOutcome.Issued.class, o);
        assertEquals("61", issued.requestId());
        x509(issued.certificate());
        // The CMC full response: a ContentInfo (SEQUENCE) of signedData.
        assertEquals(0x30, issued.pkcs7().orElseThrow()[0]);
    }

    @Test
    void aReferenceWithoutCertificateIsPending() throws Exception {
        EnrollmentOutcome o = RstrcReader.read(payload(pending("<wstep:RequestID>42</wstep:RequestID>")), "t");

        EnrollmentOutcome.Pending p = assertInstanceOf(EnrollmentOutcome.Pending.class, o);
        assertEquals("42", p.requestId());
        assertEquals("Taken Under Submission", p.disposition());
        assertEquals(URI.create("https://h/CA_CES_Kerberos/service.svc/CES"), p.reference());
        assertEquals("42@https://h/CA_CES_Kerberos/service.svc/CES", p.token());
    }

    @Test
    void aPendingAnswerWithoutRequestIdIsRefused() {
        ClientException e = assertThrows(ClientException.class, () -> RstrcReader.read(payload(pending("")), "t"));
        assertEquals(ClientMessage.MISSING_ELEMENT, e.messageId());
    }

    @Test
    void anAnswerWithNeitherCertificateNorReferenceIsRefused() {
        String xml = "<wst:RequestSecurityTokenResponseCollection xmlns:wst=\"" + org.cews.client.soap.Namespaces.WST
                + "\"><wst:RequestSecurityTokenResponse><wst:RequestedSecurityToken/>"
                + "</wst:RequestSecurityTokenResponse></wst:RequestSecurityTokenResponseCollection>";
        ClientException e = assertThrows(ClientException.class, () -> RstrcReader.read(payload(xml), "t"));
        assertTrue(e.getMessage().contains("SecurityTokenReference"), e.getMessage());
    }

    private static String pending(String requestId) {
        return "<wst:RequestSecurityTokenResponseCollection xmlns:wst=\"http://docs.oasis-open.org/ws-sx/ws-trust/200512\""
                + " xmlns:wstep=\"http://schemas.microsoft.com/windows/pki/2009/01/enrollment\""
                + " xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + "<wst:RequestSecurityTokenResponse><wst:TokenType>x</wst:TokenType>"
                + "<wstep:DispositionMessage xml:lang=\"en-US\">Taken Under Submission</wstep:DispositionMessage>"
                + "<wst:RequestedSecurityToken><wsse:SecurityTokenReference>"
                + "<wsse:Reference URI=\"https://h/CA_CES_Kerberos/service.svc/CES\"/></wsse:SecurityTokenReference>"
                + "</wst:RequestedSecurityToken>" + requestId + "</wst:RequestSecurityTokenResponse>"
                + "</wst:RequestSecurityTokenResponseCollection>";
    }

    private static org.w3c.dom.Element payload(String xml) throws Exception {
        return org.cews.client.soap.Xml.parse(xml.getBytes(StandardCharsets.UTF_8))
                .getDocumentElement();
    }

    private static X509Certificate x509(byte[] der) throws Exception {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
