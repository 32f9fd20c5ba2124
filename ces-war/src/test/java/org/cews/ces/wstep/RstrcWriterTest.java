package org.cews.ces.wstep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cews.ces.Fixtures;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Pins the answer's shape against the AD CS fixtures, and one named test per cepces quirk of
 * docs/WSTEP.md §4 (what cepces reads and how it breaks).
 */
class RstrcWriterTest {

    private static final Pattern ONE_LINE_BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final URI REFERENCE =
            URI.create("https://ces.lab.example/ces/Lab-Issuing-CA_CES_Kerberos/service.svc/CES?pending=abc");

    private static final byte[] CERTIFICATE = Fixtures.base64("standard_certificate_server_response_bst_inner.cms");
    private static final byte[] CMC = Fixtures.base64("standard_certificate_server_response_bst_outer.cms");

    private static Document issued() throws Exception {
        return Xml.dom(Xml.write(w -> RstrcWriter.write(w, new RstResponse.Issued(61, "Issued", CMC, CERTIFICATE))));
    }

    private static Document pending() throws Exception {
        return Xml.dom(
                Xml.write(w -> RstrcWriter.write(w, new RstResponse.Pending(62, "Taken Under Submission", REFERENCE))));
    }

    private static Element rstr(Document d) {
        return Xml.find(d, Wstep.NS_WST, "RequestSecurityTokenResponse");
    }

    @Test
    void issuedHasAdcsElementOrderOfTheCepcesFixture() throws Exception {
        Document adcs = Xml.dom(Fixtures.text("rstrc-issued-body.xml"));
        assertEquals(Xml.children(rstr(adcs)), Xml.children(rstr(issued())));
        assertEquals(
                Xml.children(Xml.find(adcs, Wstep.NS_WST, "RequestedSecurityToken")),
                Xml.children(Xml.find(issued(), Wstep.NS_WST, "RequestedSecurityToken")));
    }

    @Test
    void issuedHasTheElementOrderOfTheSpecificationExample() throws Exception {
        Document example = Xml.dom(Fixtures.text("standard_certificate_server_response.xml"));
        assertEquals(Xml.children(rstr(example)), Xml.children(rstr(issued())));
    }

    @Test
    void issuedCarriesTheTokensTheirTypesAndTheRequestId() throws Exception {
        Document d = issued();
        List<Element> tokens = tokens(d);
        assertEquals(Wstep.VALUE_TYPE_PKCS7, tokens.get(0).getAttribute("ValueType"));
        assertEquals(Wstep.TOKEN_TYPE_X509V3, tokens.get(1).getAttribute("ValueType"));
        for (Element t : tokens) {
            assertEquals(Wstep.ENCODING_BASE64, t.getAttribute("EncodingType"));
        }
        assertArrayEquals(CMC, Base64.getDecoder().decode(tokens.get(0).getTextContent()));
        assertEquals("61", Xml.find(d, Wstep.NS_WSTEP, "RequestID").getTextContent());
        Element disposition = Xml.find(d, Wstep.NS_WSTEP, "DispositionMessage");
        assertEquals("Issued", disposition.getTextContent());
        assertEquals("en-US", disposition.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        assertEquals(
                Wstep.TOKEN_TYPE_X509V3, Xml.find(d, Wstep.NS_WST, "TokenType").getTextContent());
    }

    @Test
    void pendingCarriesTheReferenceInsteadOfACertificate() throws Exception {
        Element rstr = rstr(pending());
        assertEquals(
                List.of(
                        "{" + Wstep.NS_WST + "}TokenType",
                        "{" + Wstep.NS_WSTEP + "}DispositionMessage",
                        "{" + Wstep.NS_WST + "}RequestedSecurityToken",
                        "{" + Wstep.NS_WSTEP + "}RequestID"),
                Xml.children(rstr));
        Element rst = Xml.find(rstr, Wstep.NS_WST, "RequestedSecurityToken");
        assertEquals(List.of("{" + Wstep.NS_WSSE + "}SecurityTokenReference"), Xml.children(rst));
    }

    // ---- cepces quirks (docs/WSTEP.md §4) ----

    /** cepces takes Body/*[1] as the collection; a bare RSTR gives it no responses. */
    @Test
    void cepcesNeedsTheCollectionAsTheBodyFirstChildWithOneResponse() throws Exception {
        for (Document d : List.of(issued(), pending())) {
            Element root = d.getDocumentElement();
            assertEquals(Wstep.NS_WST, root.getNamespaceURI());
            assertEquals("RequestSecurityTokenResponseCollection", root.getLocalName());
            assertEquals(List.of("{" + Wstep.NS_WST + "}RequestSecurityTokenResponse"), Xml.children(root));
        }
    }

    /** cepces reads RequestedSecurityToken in every RSTR (AttributeError otherwise). */
    @Test
    void cepcesNeedsRequestedSecurityTokenInEveryResponse() throws Exception {
        for (Document d : List.of(issued(), pending())) {
            assertEquals(
                    1,
                    d.getElementsByTagNameNS(Wstep.NS_WST, "RequestedSecurityToken")
                            .getLength());
        }
    }

    /** cepces loads the requested token as one PEM CERTIFICATE: a PKCS#7 there is a ValueError. */
    @Test
    void cepcesLoadsTheRequestedTokenAsOneDerCertificate() throws Exception {
        Element rst = Xml.find(issued(), Wstep.NS_WST, "RequestedSecurityToken");
        byte[] der = Base64.getDecoder()
                .decode(Xml.find(rst, Wstep.NS_WSSE, "BinarySecurityToken").getTextContent());
        assertArrayEquals(CERTIFICATE, der);
        X509Certificate cert = (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        assertTrue(cert.getSubjectX500Principal().getName().contains("CN=abby"));
    }

    /**
     * cepces re-wraps the certificate with textwrap.fill and a strict regex: leading or trailing
     * whitespace, or 76-character MIME lines, fail. Only one line without whitespace is safe.
     */
    @Test
    void cepcesNeedsBase64OnOneLineWithoutWhitespace() throws Exception {
        for (Element t : tokens(issued())) {
            assertTrue(ONE_LINE_BASE64.matcher(t.getTextContent()).matches(), "not one line: " + t.getTextContent());
        }
    }

    /** Without certificate text, cepces asserts that SecurityTokenReference/Reference/@URI exists. */
    @Test
    void cepcesAssertsThePendingReferenceUriUnqualified() throws Exception {
        Element reference = Xml.find(pending(), Wstep.NS_WSSE, "Reference");
        assertTrue(reference.hasAttributeNS(null, "URI"));
        assertEquals(REFERENCE.toString(), reference.getAttributeNS(null, "URI"));
    }

    /** cepces writes RequestID into its cookie and int()s it at every POLL: numeric, and mandatory when pending. */
    @Test
    void cepcesParsesTheRequestIdAsAnUnsignedIntAlsoWhenPending() throws Exception {
        assertEquals(
                62,
                Integer.parseUnsignedInt(
                        Xml.find(pending(), Wstep.NS_WSTEP, "RequestID").getTextContent()));
        assertThrows(IllegalArgumentException.class, () -> new RstResponse.Pending(0, "x", REFERENCE));
        assertThrows(IllegalArgumentException.class, () -> new RstResponse.Issued(-1, "x", CMC, CERTIFICATE));
    }

    /** A denial as an RSTR makes cepces assert (exit 4, retried): denials are faults, never an answer type. */
    @Test
    void cepcesNeedsDenialsAsFaultsSoNoDenialAnswerExists() {
        assertEquals(
                Set.of(RstResponse.Issued.class, RstResponse.Pending.class),
                Arrays.stream(RstResponse.class.getPermittedSubclasses()).collect(Collectors.toSet()));
    }

    // ---- fault detail ----

    @Test
    void detailHasTheShapeAndValuesOfAdcsPolicyDenial() throws Exception {
        Document adcs = Xml.dom(Fixtures.text("fault_bad_template_version_server_response.xml"));
        Element expected = Xml.find(adcs, Wstep.NS_WSTEP, "CertificateEnrollmentWSDetail");
        Document mine = Xml.dom(Xml.write(w -> RstrcWriter.writeDetail(
                w,
                new EnrollmentDetail(
                        Optional.of(new byte[] {1, 2, 3}),
                        OptionalInt.of(0x80094807),
                        Optional.of(true),
                        Optional.of("368")))));
        Element detail = mine.getDocumentElement();
        assertEquals(Xml.children(expected), Xml.children(detail));
        for (String field : List.of("ErrorCode", "InvalidRequest", "RequestID")) {
            assertEquals(
                    Xml.find(expected, Wstep.NS_WSTEP, field).getTextContent(),
                    Xml.find(detail, Wstep.NS_WSTEP, field).getTextContent(),
                    field);
        }
        assertEquals("AQID", Xml.find(detail, Wstep.NS_WSTEP, "BinaryResponse").getTextContent());
    }

    @Test
    void errorCodeIsTheSignedDecimalHresult() throws Exception {
        Document adcs = Xml.dom(Fixtures.text("fault_restricted_officer_server_response.xml"));
        Document mine = Xml.dom(
                Xml.write(w -> RstrcWriter.writeDetail(w, EnrollmentDetail.of(0x80094009, true, Optional.of("28")))));
        assertEquals(
                Xml.find(adcs, Wstep.NS_WSTEP, "ErrorCode").getTextContent(),
                Xml.find(mine, Wstep.NS_WSTEP, "ErrorCode").getTextContent());
        assertEquals("-2146877431", Xml.find(mine, Wstep.NS_WSTEP, "ErrorCode").getTextContent());
    }

    @Test
    void absentDetailFieldsAreNil() throws Exception {
        Document mine = Xml.dom(Xml.write(w -> RstrcWriter.writeDetail(
                w, EnrollmentDetail.of(HResult.CERTSRV_E_TEMPLATE_DENIED.signed(), true, Optional.empty()))));
        for (String field : List.of("BinaryResponse", "RequestID")) {
            Element e = Xml.find(mine, Wstep.NS_WSTEP, field);
            assertEquals("true", e.getAttributeNS(Wstep.NS_XSI, "nil"), field);
            assertFalse(e.hasChildNodes(), field);
        }
        assertEquals("true", Xml.find(mine, Wstep.NS_WSTEP, "InvalidRequest").getTextContent());
    }

    private static List<Element> tokens(Document d) {
        var list = d.getElementsByTagNameNS(Wstep.NS_WSSE, "BinarySecurityToken");
        return java.util.stream.IntStream.range(0, list.getLength())
                .mapToObj(i -> (Element) list.item(i))
                .toList();
    }
}
