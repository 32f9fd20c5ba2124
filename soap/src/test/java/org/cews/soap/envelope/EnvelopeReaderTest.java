package org.cews.soap.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.cews.soap.auth.UsernameToken;
import org.junit.jupiter.api.Test;

class EnvelopeReaderTest {

    static final String XCEP = "http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy";
    static final String GET_POLICIES = XCEP + "/IPolicy/GetPolicies";

    /** cepces v0.3.17's shape (docs/REAL-CLIENTS.md §1): ns0.. prefixes, all namespaces on the root, no declaration. */
    static final String CEPCES = "<ns0:Envelope xmlns:ns0=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:ns1=\"http://www.w3.org/2005/08/addressing\" xmlns:ns2=\"" + XCEP + "\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><ns0:Header>"
            + "<ns1:Action ns0:mustUnderstand=\"1\">" + GET_POLICIES + "</ns1:Action>"
            + "<ns1:MessageID>urn:uuid:c0c1892b-0000-4000-8000-000000000001</ns1:MessageID>"
            + "<ns1:To ns0:mustUnderstand=\"1\">https://ca.example.com/ADPolicyProvider_CEP_Kerberos/service.svc/CEP</ns1:To>"
            + "</ns0:Header><ns0:Body><ns2:GetPolicies><ns2:client><ns2:lastUpdate xsi:nil=\"true\" />"
            + "<ns2:preferredLanguage xsi:nil=\"true\" /></ns2:client></ns2:GetPolicies></ns0:Body></ns0:Envelope>";

    private final EnvelopeReader reader = new EnvelopeReader(64 * 1024);

    private SoapRequest read(String xml) throws Exception {
        return reader.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void cepcesHeaderAndBodyWhateverThePrefixes() throws Exception {
        try (SoapRequest request = read(CEPCES)) {
            assertEquals(Optional.of(GET_POLICIES), request.action());
            assertEquals(Optional.of("urn:uuid:c0c1892b-0000-4000-8000-000000000001"), request.messageId());
            assertEquals(
                    Optional.of("https://ca.example.com/ADPolicyProvider_CEP_Kerberos/service.svc/CEP"), request.to());
            assertEquals(Optional.of(new QName(XCEP, "GetPolicies")), request.operation());
            assertTrue(request.usernameToken().isEmpty());
        }
    }

    @Test
    void windowsWhiteSpaceAroundHeaderValuesIsTrimmed() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<s:Envelope"
                + " xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://www.w3.org/2005/08/addressing\">"
                + "\r\n <s:Header>\r\n  <a:Action s:mustUnderstand=\"1\">\r\n   " + GET_POLICIES + "\r\n  </a:Action>"
                + "<a:MessageID>\n urn:uuid:5fb5f6fd \n</a:MessageID><a:ReplyTo><a:Address>"
                + "http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo>"
                + "</s:Header>\r\n <s:Body>\r\n  <GetPolicies xmlns=\"" + XCEP + "\"/>\r\n </s:Body>\r\n</s:Envelope>";
        try (SoapRequest request = read(xml)) {
            assertEquals(Optional.of(GET_POLICIES), request.action());
            assertEquals(Optional.of("urn:uuid:5fb5f6fd"), request.messageId());
            assertEquals(Optional.of(new QName(XCEP, "GetPolicies")), request.operation());
        }
    }

    @Test
    void aByteOrderMarkIsFine() throws Exception {
        byte[] xml = CEPCES.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[xml.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(xml, 0, withBom, 3, xml.length);
        try (SoapRequest request = reader.read(new ByteArrayInputStream(withBom))) {
            assertEquals(Optional.of(GET_POLICIES), request.action());
        }
    }

    @Test
    void utf16WithBomIsReadFromTheBytes() throws Exception {
        byte[] xml = ("\uFEFF" + CEPCES).getBytes(StandardCharsets.UTF_16BE);
        try (SoapRequest request = reader.read(xml)) {
            assertEquals(Optional.of(GET_POLICIES), request.action());
        }
    }

    /** cepces ≥ 0.3.10 UsernamePassword (docs/REAL-CLIENTS.md §1): qualified wsse:Type, Nonce, wsu:Created. */
    @Test
    void cepcesUsernameTokenWithQualifiedTypeNonceAndCreated() throws Exception {
        String security = "<ns3:Security xmlns:ns3=\"" + Soap12.WSSE_NS + "\" xmlns:ns4=\"" + Soap12.WSU_NS
                + "\" ns0:mustUnderstand=\"1\"><ns3:UsernameToken><ns3:Username>alice@lab.example</ns3:Username>"
                + "<ns3:Password ns3:Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\">"
                + " pass&amp;word </ns3:Password><ns3:Nonce>bm9uY2U=</ns3:Nonce>"
                + "<ns4:Created>2026-12-07T22:00:00.000000Z</ns4:Created></ns3:UsernameToken></ns3:Security>";
        String xml = CEPCES.replace("</ns0:Header>", security + "</ns0:Header>");
        try (SoapRequest request = read(xml)) {
            UsernameToken token = request.usernameToken().orElseThrow();
            assertEquals("alice@lab.example", token.username());
            assertArrayEquals(" pass&word ".toCharArray(), token.password());
            assertTrue(token.passwordType().orElseThrow().endsWith("#PasswordText"));
            assertEquals(Optional.of("bm9uY2U="), token.nonce());
            assertEquals(Optional.of("2026-12-07T22:00:00.000000Z"), token.created());
        }
    }

    /** [MS-XCEP] 4.1.1.1: Timestamp before the token, comments inside Username and Password. */
    @Test
    void windowsSecurityHeaderWithTimestamp() throws Exception {
        String security = "<o:Security s:mustUnderstand=\"1\" xmlns:o=\"" + Soap12.WSSE_NS + "\" xmlns:u=\""
                + Soap12.WSU_NS + "\"><u:Timestamp u:Id=\"_0\"><u:Created>2009-03-26T00:58:51.549Z</u:Created>"
                + "<u:Expires>2009-03-26T01:03:51.549Z</u:Expires></u:Timestamp><o:UsernameToken u:Id=\"uuid-1\">"
                + "<o:Username>LAB\\alice<!--c--></o:Username><o:Password>secret</o:Password></o:UsernameToken></o:Security>";
        String xml = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\""
                + Soap12.WSA_NS + "\"><s:Header><a:Action s:mustUnderstand=\"1\">" + GET_POLICIES + "</a:Action>"
                + security + "</s:Header><s:Body><GetPolicies xmlns=\"" + XCEP + "\"/></s:Body></s:Envelope>";
        try (SoapRequest request = read(xml)) {
            UsernameToken token = request.usernameToken().orElseThrow();
            assertEquals("LAB\\alice", token.username());
            assertArrayEquals("secret".toCharArray(), token.password());
            assertTrue(token.passwordType().isEmpty());
        }
    }

    @Test
    void anEmptyBodyHasNoOperation() throws Exception {
        String xml = CEPCES.replaceAll("<ns0:Body>.*</ns0:Body>", "<ns0:Body />");
        try (SoapRequest request = read(xml)) {
            assertTrue(request.body().isEmpty());
            assertEquals(Optional.of(GET_POLICIES), request.action());
        }
    }

    @Test
    void soap11IsAVersionMismatch() {
        String xml = CEPCES.replace("http://www.w3.org/2003/05/soap-envelope", Soap12.SOAP11_ENVELOPE_NS);
        SoapFormatException e = assertThrows(SoapFormatException.class, () -> read(xml));
        assertTrue(e.versionMismatch());
        assertTrue(e.getMessage().startsWith("SOAP0104 "), e.getMessage());
    }

    @Test
    void anotherRootIsRefused() {
        SoapFormatException e = assertThrows(SoapFormatException.class, () -> read("<x/>"));
        assertFalse(e.versionMismatch());
        assertTrue(e.getMessage().contains("Envelope"), e.getMessage());
    }

    @Test
    void externalEntityIsRefused() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + CEPCES.replace("urn:uuid:c0c1892b-0000-4000-8000-000000000001", "&xxe;");
        SoapFormatException e = assertThrows(SoapFormatException.class, () -> read(xml));
        assertTrue(e.getMessage().startsWith("SOAP0103 "), e.getMessage());
        assertFalse(e.getMessage().contains("root:"), e.getMessage());
    }

    @Test
    void entityExpansionIsRefused() {
        String xml = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                + CEPCES.replace("urn:uuid:c0c1892b-0000-4000-8000-000000000001", "&lol2;");
        assertThrows(SoapFormatException.class, () -> read(xml));
    }

    @Test
    void anUndeclaredEntityWithoutDoctypeIsRefused() {
        String xml = CEPCES.replace("urn:uuid:c0c1892b-0000-4000-8000-000000000001", "&xxe;");
        assertThrows(SoapFormatException.class, () -> read(xml));
    }

    @Test
    void notXmlIsASenderProblemWithoutAStackTrace() {
        SoapFormatException e = assertThrows(SoapFormatException.class, () -> read("<html><body>hello</body>"));
        assertTrue(e.getMessage().startsWith("SOAP0"), e.getMessage());
        assertFalse(e.getMessage().contains("\tat "), e.getMessage());
    }

    @Test
    void truncatedAtEveryLengthGivesACheckedException() {
        byte[] xml = CEPCES.getBytes(StandardCharsets.UTF_8);
        int bodyStart = CEPCES.indexOf("<ns2:GetPolicies>");
        for (int length = 0; length < bodyStart; length++) {
            byte[] cut = java.util.Arrays.copyOf(xml, length);
            assertThrows(SoapFormatException.class, () -> reader.read(cut), "length " + length);
        }
    }

    @Test
    void tooLargeIsRefusedBeforeParsing() {
        EnvelopeReader small = new EnvelopeReader(100);
        byte[] xml = CEPCES.getBytes(StandardCharsets.UTF_8);
        SoapFormatException e =
                assertThrows(SoapFormatException.class, () -> small.read(new ByteArrayInputStream(xml)));
        assertEquals("SOAP0101 the request is larger than 100 bytes, the most this service reads", e.getMessage());
    }

    @Test
    void aDeclaredLengthIsReadExactlyAndCheckedAgainstTheCap() throws Exception {
        byte[] xml = CEPCES.getBytes(StandardCharsets.UTF_8);
        try (SoapRequest request = reader.read(new ByteArrayInputStream(xml), xml.length)) {
            assertEquals(Optional.of(GET_POLICIES), request.action());
        }
        EnvelopeReader small = new EnvelopeReader(100);
        SoapFormatException declared =
                assertThrows(SoapFormatException.class, () -> small.read(new ByteArrayInputStream(new byte[0]), 101));
        assertEquals(
                "SOAP0101 the request is larger than 100 bytes, the most this service reads", declared.getMessage());
        // A body cut short of its declared length does not parse; unknown length reads to the end.
        assertThrows(
                SoapFormatException.class,
                () -> reader.read(new ByteArrayInputStream(xml, 0, xml.length / 4), xml.length));
        try (SoapRequest request = reader.read(new ByteArrayInputStream(xml), -1)) {
            assertEquals(Optional.of(GET_POLICIES), request.action());
        }
        assertThrows(SoapFormatException.class, () -> small.read(new ByteArrayInputStream(xml), -1));
    }

    @Test
    void textBetweenHeaderBlocksIsRefused() {
        String xml = CEPCES.replace("</ns1:MessageID>", "</ns1:MessageID>junk");
        assertThrows(SoapFormatException.class, () -> read(xml));
    }

    @Test
    void aUsernameTokenWithoutUsernameIsRefused() {
        String security = "<w:Security xmlns:w=\"" + Soap12.WSSE_NS + "\"><w:UsernameToken><w:Password>x</w:Password>"
                + "</w:UsernameToken></w:Security>";
        String xml = CEPCES.replace("</ns0:Header>", security + "</ns0:Header>");
        SoapFormatException e = assertThrows(SoapFormatException.class, () -> read(xml));
        assertTrue(e.getMessage().startsWith("SOAP0109 "), e.getMessage());
    }
}
