package org.cews.ces.wstep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.cews.ces.Fixtures;
import org.junit.jupiter.api.Test;

class RstReaderTest {

    private static final String WST = Wstep.NS_WST;
    private static final String WSSE = Wstep.NS_WSSE;
    private static final String WSU =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private final RstReader reader = new RstReader();

    private RstRequest read(String xml) throws Exception {
        return reader.read(Xml.atBodyChild(xml));
    }

    private WstepFault fault(String xml) {
        return assertThrows(WstepFault.class, () -> read(xml));
    }

    /** A cepces-shaped body (ElementTree prefixes, docs/WSTEP.md §2). */
    private static String cepces(String requestType, String token, String extra) {
        return "<ns2:RequestSecurityToken xmlns:ns2=\"" + WST + "\" xmlns:ns3=\"" + WSSE + "\" xmlns:ns4=\"" + WSU
                + "\"><ns2:TokenType>" + Wstep.TOKEN_TYPE_X509V3 + "</ns2:TokenType><ns2:RequestType>" + requestType
                + "</ns2:RequestType>" + token + extra + "</ns2:RequestSecurityToken>";
    }

    private static String pem64(byte[] der) {
        return Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    }

    @Test
    void windowsStandardRequestFixtureIsAnIssueWithItsDer() throws Exception {
        RstRequest.Issue issue = assertInstanceOf(
                RstRequest.Issue.class, read(Fixtures.text("standard_certificate_client_request.xml")));
        assertArrayEquals(
                Fixtures.base64("standard_certificate_client_request.cms"),
                issue.token().value());
        assertEquals(Wstep.VALUE_TYPE_PKCS7, issue.token().valueType());
        assertTrue(issue.additionalContext().isEmpty());
    }

    @Test
    void windowsRenewalFixtureIsAnIssue() throws Exception {
        RstRequest.Issue issue =
                assertInstanceOf(RstRequest.Issue.class, read(Fixtures.text("renewal_client_request.xml")));
        assertArrayEquals(
                Fixtures.base64("renewal_client_request.cms"), issue.token().value());
    }

    @Test
    void windowsQueryTokenStatusFixtureCarriesItsRequestId() throws Exception {
        RstRequest.QueryTokenStatus query = assertInstanceOf(
                RstRequest.QueryTokenStatus.class, read(Fixtures.text("retrieve_pended_certificate_request.xml")));
        assertEquals("65", query.requestId());
    }

    @Test
    void windowsKetFixtureIsAKetRequest() throws Exception {
        assertInstanceOf(RstRequest.Ket.class, read(Fixtures.text("key_exchange_token_client_request.xml")));
    }

    @Test
    void readerStopsAtTheEndOfTheRequestElement() throws Exception {
        XMLStreamReader r = Xml.atBodyChild(Fixtures.text("standard_certificate_client_request.xml"));
        reader.read(r);
        assertEquals(XMLStreamConstants.END_ELEMENT, r.getEventType());
        assertEquals("RequestSecurityToken", r.getLocalName());
    }

    /** cepces sends the PEM body: 64-character lines joined by \n (docs/XCEP-WSTEP.md §1.5). */
    @Test
    void cepcesSendsBase64In64CharacterLines() throws Exception {
        byte[] der = new byte[700];
        new Random(7).nextBytes(der);
        der[0] = 0x30;
        String token = "<ns3:BinarySecurityToken ValueType=\"" + Wstep.NS_WSTEP + "#PKCS10\" EncodingType=\""
                + Wstep.ENCODING_BASE64 + "\" ns4:Id=\"\">" + pem64(der) + "</ns3:BinarySecurityToken>";
        RstRequest.Issue issue = assertInstanceOf(RstRequest.Issue.class, read(cepces(Wstep.REQUEST_ISSUE, token, "")));
        assertArrayEquals(der, issue.token().value());
    }

    /** Old cepces qualified the token's attributes (cepces PR #30); AD CS accepted them. */
    @Test
    void oldCepcesQualifiesTheTokenAttributes() throws Exception {
        String token = "<ns3:BinarySecurityToken ns3:ValueType=\"" + Wstep.NS_WSTEP + "#PKCS10\" ns3:EncodingType=\""
                + Wstep.ENCODING_BASE64 + "\" ns4:Id=\"\">MAMCAQA=</ns3:BinarySecurityToken>";
        RstRequest.Issue issue = assertInstanceOf(RstRequest.Issue.class, read(cepces(Wstep.REQUEST_ISSUE, token, "")));
        assertArrayEquals(
                new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}, issue.token().value());
    }

    /** cepces POLL: the same token element, empty and self-closing, then RequestID (docs/XCEP-WSTEP.md §3.5). */
    @Test
    void cepcesQueryTokenStatusCarriesAnEmptySelfClosingToken() throws Exception {
        String token = "<ns3:BinarySecurityToken ValueType=\"" + Wstep.NS_WSTEP + "#PKCS10\" EncodingType=\""
                + Wstep.ENCODING_BASE64 + "\" ns4:Id=\"\" />";
        String id = "<ns5:RequestID xmlns:ns5=\"" + Wstep.NS_WSTEP + "\">61</ns5:RequestID>";
        RstRequest.QueryTokenStatus query = assertInstanceOf(
                RstRequest.QueryTokenStatus.class, read(cepces(Wstep.REQUEST_QUERY_TOKEN_STATUS, token, id)));
        assertEquals("61", query.requestId());
    }

    @Test
    void windowsCarriageReturnsInBase64AreWhitespace() throws Exception {
        String token = "<ns3:BinarySecurityToken EncodingType=\"" + Wstep.ENCODING_BASE64
                + "\">MAMC&#xD;\n AQA=</ns3:BinarySecurityToken>";
        RstRequest.Issue issue = assertInstanceOf(RstRequest.Issue.class, read(cepces(Wstep.REQUEST_ISSUE, token, "")));
        assertEquals(5, issue.token().value().length);
    }

    @Test
    void additionalContextItemsAreReadInOrder() throws Exception {
        String token = "<ns3:BinarySecurityToken EncodingType=\"" + Wstep.ENCODING_BASE64
                + "\">MAMCAQA=</ns3:BinarySecurityToken>";
        String ctx = "<ac:AdditionalContext xmlns:ac=\"" + Wstep.NS_AUTH + "\">"
                + "<ac:ContextItem Name=\"cdc\"><ac:Value>dc1.lab.example</ac:Value></ac:ContextItem>"
                + "<ac:ContextItem Name=\"rmd\"><ac:Value>ws1.lab.example</ac:Value></ac:ContextItem>"
                + "</ac:AdditionalContext>";
        RstRequest request = read(cepces(Wstep.REQUEST_ISSUE, token, ctx));
        assertEquals(
                List.of(new ContextItem("cdc", "dc1.lab.example"), new ContextItem("rmd", "ws1.lab.example")),
                request.additionalContext());
        assertEquals("ws1.lab.example", request.context("RMD").orElseThrow());
    }

    @Test
    void unknownElementsAreSkipped() throws Exception {
        String token = "<x:Whatever xmlns:x=\"urn:x\"><x:RequestType>nope</x:RequestType></x:Whatever>"
                + "<ns3:BinarySecurityToken EncodingType=\"" + Wstep.ENCODING_BASE64
                + "\">MAMCAQA=</ns3:BinarySecurityToken><ns2:Lifetime><ns2:Created>x</ns2:Created></ns2:Lifetime>";
        assertInstanceOf(RstRequest.Issue.class, read(cepces(Wstep.REQUEST_ISSUE, token, "")));
    }

    @Test
    void anyOtherRequestTypeIsASenderFault() {
        WstepFault f = fault(cepces(WST + "/Renew", "", ""));
        assertEquals(WstepFault.Code.SENDER, f.code());
        assertTrue(f.getMessage().startsWith("CES0103 "), f.getMessage());
        assertTrue(f.reason().contains("/Renew"), f.reason());
    }

    @Test
    void missingRequestTypeIsASenderFault() {
        String xml = "<RequestSecurityToken xmlns=\"" + WST + "\"><TokenType>" + Wstep.TOKEN_TYPE_X509V3
                + "</TokenType></RequestSecurityToken>";
        assertTrue(fault(xml).getMessage().startsWith("CES0102 "));
    }

    @Test
    void otherTokenTypeIsASenderFault() {
        String xml = "<RequestSecurityToken xmlns=\"" + WST + "\"><TokenType>urn:saml</TokenType><RequestType>"
                + Wstep.REQUEST_ISSUE + "</RequestType></RequestSecurityToken>";
        assertTrue(fault(xml).getMessage().startsWith("CES0104 "));
    }

    /** IIS/AD CS: "The EncodingType is invalid." when it is missing (cepces commit a9a8c1e). */
    @Test
    void missingEncodingTypeIsRefusedAsIisDoes() {
        String token = "<ns3:BinarySecurityToken ValueType=\"x\">MAMCAQA=</ns3:BinarySecurityToken>";
        WstepFault f = fault(cepces(Wstep.REQUEST_ISSUE, token, ""));
        assertTrue(f.getMessage().startsWith("CES0106 "), f.getMessage());
        assertTrue(f.reason().startsWith("The EncodingType is invalid"), f.reason());
    }

    @Test
    void issueWithoutTokenIsRefused() {
        assertTrue(fault(cepces(Wstep.REQUEST_ISSUE, "", "")).getMessage().startsWith("CES0105 "));
        String empty = "<ns3:BinarySecurityToken EncodingType=\"" + Wstep.ENCODING_BASE64 + "\"/>";
        assertTrue(fault(cepces(Wstep.REQUEST_ISSUE, empty, "")).getMessage().startsWith("CES0105 "));
    }

    @Test
    void badBase64IsRefused() {
        String token = "<ns3:BinarySecurityToken EncodingType=\"" + Wstep.ENCODING_BASE64
                + "\">MAMC*QA=</ns3:BinarySecurityToken>";
        assertTrue(fault(cepces(Wstep.REQUEST_ISSUE, token, "")).getMessage().startsWith("CES0107 "));
    }

    @Test
    void oversizedTokenIsRefusedAtTheLimit() {
        String token = "<ns3:BinarySecurityToken EncodingType=\"" + Wstep.ENCODING_BASE64 + "\">" + "A".repeat(2000)
                + "</ns3:BinarySecurityToken>";
        WstepFault f = assertThrows(WstepFault.class, () -> new RstReader(1024)
                .read(Xml.atBodyChild(cepces(Wstep.REQUEST_ISSUE, token, ""))));
        assertTrue(f.getMessage().startsWith("CES0108 "), f.getMessage());
    }

    @Test
    void queryTokenStatusWithoutOrWithNilRequestIdIsRefused() {
        assertTrue(fault(cepces(Wstep.REQUEST_QUERY_TOKEN_STATUS, "", ""))
                .getMessage()
                .startsWith("CES0109 "));
        String nil =
                "<RequestID xmlns=\"" + Wstep.NS_WSTEP + "\" xmlns:xsi=\"" + Wstep.NS_XSI + "\" xsi:nil=\"true\"/>";
        assertTrue(fault(cepces(Wstep.REQUEST_QUERY_TOKEN_STATUS, "", nil))
                .getMessage()
                .startsWith("CES0109 "));
    }

    @Test
    void aBodyThatIsNotARequestSecurityTokenIsRefused() {
        WstepFault f =
                fault("<GetPolicies xmlns=\"http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy\"/>");
        assertTrue(f.getMessage().startsWith("CES0101 "), f.getMessage());
    }

    @Test
    void tooManyContextItemsAreRefused() {
        String token = "<ns3:BinarySecurityToken EncodingType=\"" + Wstep.ENCODING_BASE64
                + "\">MAMCAQA=</ns3:BinarySecurityToken>";
        String item = "<ContextItem Name=\"a\"><Value>b</Value></ContextItem>";
        String ctx = "<AdditionalContext xmlns=\"" + Wstep.NS_AUTH + "\">"
                + item.repeat(RstReader.MAX_CONTEXT_ITEMS + 1) + "</AdditionalContext>";
        assertTrue(fault(cepces(Wstep.REQUEST_ISSUE, token, ctx)).getMessage().startsWith("CES0110 "));
    }
}
