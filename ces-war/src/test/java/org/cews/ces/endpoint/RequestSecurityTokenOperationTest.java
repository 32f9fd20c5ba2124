package org.cews.ces.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cews.ces.Fixtures;
import org.cews.ces.TestPki;
import org.cews.ces.service.ActingMode;
import org.cews.ces.service.AuditRecord;
import org.cews.ces.service.CesConfig;
import org.cews.ces.service.EnrollmentService;
import org.cews.ces.service.FakeCa;
import org.cews.ces.service.LabPolicy;
import org.cews.ces.service.PendingReferences;
import org.cews.ces.wstep.RstReader;
import org.cews.ces.wstep.Wstep;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.soap.auth.AuthMode;
import org.cews.soap.auth.CallerIdentity;
import org.cews.soap.envelope.EnvelopeReader;
import org.cews.soap.envelope.Soap12;
import org.cews.soap.fault.FaultCode;
import org.cews.soap.fault.FaultWriter;
import org.cews.soap.fault.SoapFaultException;
import org.cews.soap.fault.TransientFailureException;
import org.cews.soap.service.ServicePath;
import org.cews.soap.service.SoapAnswer;
import org.cews.soap.service.SoapCall;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The operation as the front door calls it: whole envelopes read by the SOAP layer's Woodstox
 * reader, the lab forest's policy, a fake connector; answers parsed back.
 */
class RequestSecurityTokenOperationTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final String URL = "https://localhost:8443/ces/Lab-Issuing-CA_CES_UsernamePassword/service.svc/CES";
    private static final ServicePath PATH = ServicePath.ces(LabPolicy.CA, AuthMode.USERNAME_PASSWORD);

    private static PolicySnapshot policy;
    private static KeyPair key;
    private static byte[] certificate;

    private FakeCa fake;
    private final List<AuditRecord> audit = new ArrayList<>();
    private String url;
    private RequestSecurityTokenOperation operation;

    @BeforeAll
    static void lab() throws Exception {
        policy = LabPolicy.snapshot();
        key = TestPki.rsa(0);
        KeyPair caKey = TestPki.rsa(2);
        X509Certificate ca = TestPki.ca(LabPolicy.CA, caKey);
        certificate = TestPki.issue(
                        ca,
                        caKey,
                        "alice",
                        key.getPublic(),
                        NOW.minus(Duration.ofDays(1)),
                        NOW.plus(Duration.ofDays(9)))
                .getEncoded();
    }

    @BeforeEach
    void setUp() {
        fake = new FakeCa();
        url = URL;
        CesConfig config = new CesConfig(
                ActingMode.ENROLLMENT_AGENT,
                new PendingReferences(List.of(new byte[32])),
                false,
                Duration.ZERO,
                Set.of("cdc"),
                List.of(),
                Optional.empty());
        EnrollmentService service =
                EnrollmentService.create(config, fake, Clock.fixed(NOW, ZoneOffset.UTC), audit::add);
        operation = new RequestSecurityTokenOperation(new RstReader(), service, () -> policy);
    }

    /** cepces' shape: ElementTree prefixes, PEM lines, the utility namespace's empty Id. */
    private static String envelope(String requestType, String token, String extra) {
        return "<?xml version='1.0' encoding='utf-8'?>\n<ns0:Envelope xmlns:ns0=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:ns1=\"http://www.w3.org/2005/08/addressing\"><ns0:Header>"
                + "<ns1:Action ns0:mustUnderstand=\"1\">" + Wstep.ACTION_RST + "</ns1:Action>"
                + "<ns1:MessageID>urn:uuid:0f6c3a5e-7e1b-4c39-9d8e-1c2b3a4d5e6f</ns1:MessageID>"
                + "<ns1:To ns0:mustUnderstand=\"1\">" + URL + "</ns1:To></ns0:Header><ns0:Body>"
                + "<ns2:RequestSecurityToken xmlns:ns2=\"" + Wstep.NS_WST + "\"><ns2:TokenType>"
                + Wstep.TOKEN_TYPE_X509V3 + "</ns2:TokenType><ns2:RequestType>" + requestType
                + "</ns2:RequestType><ns3:BinarySecurityToken xmlns:ns3=\"" + Wstep.NS_WSSE + "\" xmlns:ns4=\""
                + "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\" ValueType=\""
                + Wstep.NS_WSTEP + "#PKCS10\" EncodingType=\"" + Wstep.ENCODING_BASE64 + "\" ns4:Id=\"\">" + token
                + "</ns3:BinarySecurityToken>" + extra + "</ns2:RequestSecurityToken></ns0:Body></ns0:Envelope>";
    }

    private SoapAnswer invoke(String envelope, CallerIdentity caller) throws Exception {
        return operation.invoke(new SoapCall(
                PATH,
                new EnvelopeReader(1 << 20).read(envelope.getBytes(StandardCharsets.UTF_8)),
                caller,
                "corr-1",
                Optional.of(url)));
    }

    private static Document dom(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String pem(byte[] der) {
        return Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
    }

    @Test
    void cepcesIssueIsAnsweredWithTheRstrcAndItsCertificate() throws Exception {
        fake.submit = r -> new EnrollmentResult.Issued(27, certificate, new byte[] {0x30, 0}, "Issued", LabPolicy.CA);
        String token = pem(TestPki.pkcs10(key, key, "User")).replace("\n", "&#xD;\n");
        SoapAnswer answer =
                invoke(envelope(Wstep.REQUEST_ISSUE, token, ""), LabPolicy.alice(AuthMode.USERNAME_PASSWORD));
        assertEquals(Wstep.ACTION_RSTRC, answer.action());
        Document d = dom(answer.body());
        assertEquals(
                "RequestSecurityTokenResponseCollection", d.getDocumentElement().getLocalName());
        String text = d.getElementsByTagNameNS(Wstep.NS_WST, "RequestedSecurityToken")
                .item(0)
                .getTextContent();
        X509Certificate issued = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(text)));
        assertEquals(certificate.length, issued.getEncoded().length);
        assertEquals("LAB\\alice", fake.submitted.get(0).onBehalfOf());
    }

    @Test
    void pendingThenCollectedAtTheReferenceUri() throws Exception {
        fake.submit = r -> new EnrollmentResult.Pending(61, "", LabPolicy.CA);
        SoapAnswer pending = invoke(
                envelope(Wstep.REQUEST_ISSUE, pem(TestPki.pkcs10(key, key, "LabPendAll")), ""),
                LabPolicy.alice(AuthMode.USERNAME_PASSWORD));
        String reference = dom(pending.body())
                .getElementsByTagNameNS(Wstep.NS_WSSE, "Reference")
                .item(0)
                .getAttributes()
                .getNamedItem("URI")
                .getNodeValue();
        assertTrue(reference.startsWith(URL + "?pending="), reference);

        // cepces POSTs QueryTokenStatus to the Reference URI, with the empty self-closing token
        url = reference;
        fake.retrieve = (ca, id) -> new EnrollmentResult.Issued(id, certificate, new byte[] {0x30, 0}, "", ca);
        String poll = envelope(
                Wstep.REQUEST_QUERY_TOKEN_STATUS,
                "",
                "<ns5:RequestID xmlns:ns5=\"" + Wstep.NS_WSTEP + "\">61</ns5:RequestID>");
        SoapAnswer issued = invoke(poll, LabPolicy.alice(AuthMode.USERNAME_PASSWORD));
        assertEquals(
                "61",
                dom(issued.body())
                        .getElementsByTagNameNS(Wstep.NS_WSTEP, "RequestID")
                        .item(0)
                        .getTextContent());
        assertEquals(List.of("Lab-Issuing-CA#61"), fake.retrieved);
    }

    @Test
    void denialIsAReceiverFaultWithAdcsDetail() throws Exception {
        fake.submit = r -> new EnrollmentResult.Denied(368, 0x80094012, "no Enroll", LabPolicy.CA);
        SoapFaultException e = assertThrows(
                SoapFaultException.class,
                () -> invoke(
                        envelope(Wstep.REQUEST_ISSUE, pem(TestPki.pkcs10(key, key, "User")), ""),
                        LabPolicy.alice(AuthMode.USERNAME_PASSWORD)));
        assertEquals(FaultCode.RECEIVER, e.fault().code());
        Document fault = dom(FaultWriter.body(e.fault()));
        Document adcs = dom(Fixtures.bytes("fault_bad_template_version_server_response.xml"));
        var mine = fault.getElementsByTagNameNS(Wstep.NS_WSTEP, "CertificateEnrollmentWSDetail")
                .item(0);
        var theirs = adcs.getElementsByTagNameNS(Wstep.NS_WSTEP, "CertificateEnrollmentWSDetail")
                .item(0);
        assertEquals(children(theirs), children(mine));
        assertEquals(Wstep.ACTION_DETAIL_FAULT, e.fault().replyAction());
        assertEquals(
                adcs.getElementsByTagNameNS(Soap12.WSA_NS, "Action").item(0).getTextContent(),
                dom(FaultWriter.envelope(e.fault(), Optional.empty()).toByteArray())
                        .getElementsByTagNameNS(Soap12.WSA_NS, "Action")
                        .item(0)
                        .getTextContent(),
                "the fault's wsa:Action is AD CS's");
        assertEquals(
                "-2146877422",
                fault.getElementsByTagNameNS(Wstep.NS_WSTEP, "ErrorCode")
                        .item(0)
                        .getTextContent());
        assertEquals(
                "368",
                fault.getElementsByTagNameNS(Wstep.NS_WSTEP, "RequestID")
                        .item(0)
                        .getTextContent());
    }

    private static List<String> children(org.w3c.dom.Node e) {
        List<String> names = new ArrayList<>();
        for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
                names.add(n.getLocalName());
            }
        }
        return names;
    }

    @Test
    void unknownRequestTypeIsASenderFault() {
        SoapFaultException e = assertThrows(
                SoapFaultException.class,
                () -> invoke(envelope(Wstep.NS_WST + "/Renew", "", ""), LabPolicy.alice(AuthMode.USERNAME_PASSWORD)));
        assertEquals(FaultCode.SENDER, e.fault().code());
        assertEquals(Soap12.FAULT_ACTION, e.fault().replyAction(), "a request-form error has no WSTEP detail");
        assertFalse(fake.reached());
        assertEquals(1, audit.size());
        assertTrue(
                audit.get(0).line().contains("disposition=REFUSED"),
                audit.get(0).line());
        assertTrue(audit.get(0).line().contains("CES0103"), audit.get(0).line());
    }

    @Test
    void badBase64IsASenderFaultAndNothingReachesTheCa() {
        SoapFaultException e = assertThrows(
                SoapFaultException.class,
                () -> invoke(envelope(Wstep.REQUEST_ISSUE, "MII*", ""), LabPolicy.alice(AuthMode.USERNAME_PASSWORD)));
        assertEquals(FaultCode.SENDER, e.fault().code());
        assertFalse(fake.reached());
    }

    @Test
    void unreachableCaIsTheTransientFailureOfTheFrontDoor() {
        fake.submit = r -> {
            throw new CaException(CaException.Kind.UNREACHABLE, "ca.lab.example:135 refused", null);
        };
        assertThrows(
                TransientFailureException.class,
                () -> invoke(
                        envelope(Wstep.REQUEST_ISSUE, pem(TestPki.pkcs10(key, key, "User")), ""),
                        LabPolicy.alice(AuthMode.USERNAME_PASSWORD)));
        assertEquals(1, audit.size());
    }

    @Test
    void aCallWithoutRequestUrlIsRefusedBeforeTheCa() {
        assertThrows(
                IllegalStateException.class,
                () -> operation.invoke(new SoapCall(
                        PATH,
                        new EnvelopeReader(1 << 20)
                                .read(envelope(Wstep.REQUEST_ISSUE, pem(TestPki.pkcs10(key, key, "User")), "")
                                        .getBytes(StandardCharsets.UTF_8)),
                        LabPolicy.alice(AuthMode.USERNAME_PASSWORD),
                        "corr-1")));
        assertFalse(fake.reached());
    }

    @Test
    void requestUrlKeepsThePendingParameter() {
        RequestUrl u = RequestUrl.of(URL, "x=1&pending=abc.def");
        assertEquals(Optional.of("abc.def"), u.pendingToken());
        assertEquals(Optional.empty(), RequestUrl.of(URL, "x=1").pendingToken());
        RequestUrl whole = RequestUrl.of(URL + "?x=1&pending=a%2Bb.c");
        assertEquals(URL, whole.endpoint().toString());
        assertEquals(Optional.of("a+b.c"), whole.pendingToken());
        assertEquals(Optional.empty(), RequestUrl.of(URL).pendingToken());
        assertEquals(
                "KeyBasedRenewal_Lab-Issuing-CA_CES_Certificate",
                CesServlet.keyBasedRenewal(LabPolicy.CA).name());
        assertTrue(CesServlet.keyBasedRenewal(LabPolicy.CA).keyBasedRenewal());
    }
}
