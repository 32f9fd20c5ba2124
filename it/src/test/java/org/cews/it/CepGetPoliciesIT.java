package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.cews.lab.LabAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * GetPolicies ([MS-XCEP] 3.1.4.1) on the deployed EAR, with the request shapes real clients send
 * (cep-war/src/test/resources/soap: Windows' [MS-XCEP] 4.1.1.1, cepces v0.3.16 and v0.3.17) and
 * real credentials of the tier's lab (a UsernameToken as cepces and Windows send it), the answer
 * checked by XPath; and what must be refused: a wrong password, a wrong path, an external entity.
 */
public class CepGetPoliciesIT {

    static final String USERNAME_PASSWORD = "/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP";
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WEB01_SID = "S-1-5-21-2918375215-1429853364-3387426671-1107";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private static HttpClient client;
    private static Properties deploy;
    private static LabAccounts accounts;

    @BeforeAll
    static void setUp() throws IOException, GeneralSecurityException {
        client = HttpClient.newBuilder()
                .sslContext(TestServer.tls(null))
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        deploy = TestServer.deployProperties();
        accounts = LabAccounts.load();
    }

    public static String shape(String name) throws IOException {
        Path root = Path.of(System.getProperty("cews.deploy.dir")).getParent();
        return Files.readString(root.resolve("cep-war/src/test/resources/soap").resolve(name), StandardCharsets.UTF_8);
    }

    /** cepces ≥ 0.3.10's wsse:Security header (qualified wsse:Type, Nonce, Created), in its ns0 envelope. */
    public static String cepces(String version, String user, String password) throws IOException {
        String security = "<ns3:Security xmlns:ns3=\"" + WSSE + "\" xmlns:ns4=\"" + WSU + "\" ns0:mustUnderstand=\"1\">"
                + "<ns3:UsernameToken><ns3:Username>" + user + "</ns3:Username>"
                + "<ns3:Password ns3:Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\">"
                + password + "</ns3:Password><ns3:Nonce>bm9uY2UtMTIzNDU2Nzg=</ns3:Nonce>"
                + "<ns4:Created>2026-12-07T22:00:00.000000Z</ns4:Created></ns3:UsernameToken></ns3:Security>";
        return shape("cepces/GetPolicies/" + version + ".xml")
                .replace("ADPolicyProvider_CEP_Kerberos", "ADPolicyProvider_CEP_UsernamePassword")
                .replace("</ns0:Header>", security + "</ns0:Header>");
    }

    public static String windows(String user, String password) throws IOException {
        return shape("windows/GetPolicies/ms-xcep-4.1.1.1.xml")
                .replace("USERNAME", user)
                .replace("PASSWORD", password);
    }

    static String password(String sam) {
        return accounts.requireUser(sam).password();
    }

    static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(TestServer.https(path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/soap+xml; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "x" -> "http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy";
                    case "s" -> "http://www.w3.org/2003/05/soap-envelope";
                    case "a" -> "http://www.w3.org/2005/08/addressing";
                    case "xsi" -> "http://www.w3.org/2001/XMLSchema-instance";
                    default -> null;
                };
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return xpath;
    }

    public static String eval(Document doc, String expression) throws Exception {
        return xpath().evaluate(expression, doc);
    }

    public static List<String> texts(Document doc, String expression) throws Exception {
        NodeList list = (NodeList) xpath().evaluate(expression, doc, XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            values.add(list.item(i).getTextContent());
        }
        return values;
    }

    /** The answer every client shape must get: the configured policy, the caller's templates, this CES. */
    static Document checkedAnswer(HttpResponse<String> response, String messageId) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        // Undertow writes the parameter without the space; both spellings are the same media type.
        assertEquals(
                "application/soap+xml;charset=utf-8",
                response.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .replace(" ", "")
                        .toLowerCase());
        Document doc = parse(response.body());
        assertEquals(
                "http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy/IPolicy/GetPoliciesResponse",
                eval(doc, "/s:Envelope/s:Header/a:Action"));
        assertEquals(messageId, eval(doc, "/s:Envelope/s:Header/a:RelatesTo"));
        String response0 = "/s:Envelope/s:Body/x:GetPoliciesResponse/x:response";
        assertEquals(deploy.getProperty("cews.cep.policyId"), eval(doc, response0 + "/x:policyID"));
        assertEquals(deploy.getProperty("cews.cep.friendlyName"), eval(doc, response0 + "/x:policyFriendlyName"));
        assertEquals("8", eval(doc, response0 + "/x:nextUpdateHours"));
        assertTrue(Integer.parseInt(eval(doc, "count(" + response0 + "/x:policies/x:policy)")) > 0, response.body());
        List<String> uris = texts(doc, "/s:Envelope/s:Body/x:GetPoliciesResponse/x:cAs/x:cA/x:uris/x:cAURI/x:uri");
        String ca = deploy.getProperty("cews.ca.name");
        assertTrue(
                uris.contains(TestServer.https("/ces/" + ca + "_CES_UsernamePassword/service.svc/CES")
                        .toString()),
                uris.toString());
        assertEquals(
                List.of("2", "4", "8", "8"),
                texts(doc, "//x:cA/x:uris/x:cAURI/x:clientAuthentication"),
                "the lab CA advertised with this deployment's four CES");
        assertEquals(
                List.of("false", "false", "false", "true"),
                texts(doc, "//x:cA/x:uris/x:cAURI/x:renewalOnly"),
                "the fourth is the key-based renewal CES");
        assertFalse(eval(doc, "//x:cA/x:certificate").isBlank());
        return doc;
    }

    @Test
    void cepces0317WithUsernameToken() throws Exception {
        HttpResponse<String> response =
                post(USERNAME_PASSWORD, cepces("v0.3.17", "alice@lab.example", password("alice")));
        Document doc = checkedAnswer(response, "urn:uuid:c0c1892b-5b8e-4a06-9a3e-6f0d1c2b3a4d");
        assertTrue(texts(doc, "//x:policy/x:attributes/x:commonName").contains("User"), response.body());
    }

    @Test
    void cepces0316NilVersionsGiveTheSameTemplates() throws Exception {
        Document v16 = checkedAnswer(
                post(USERNAME_PASSWORD, cepces("v0.3.16", "alice@lab.example", password("alice"))),
                "urn:uuid:c0c1892b-5b8e-4a06-9a3e-6f0d1c2b3a4d");
        Document v17 = checkedAnswer(
                post(USERNAME_PASSWORD, cepces("v0.3.17", "alice@lab.example", password("alice"))),
                "urn:uuid:c0c1892b-5b8e-4a06-9a3e-6f0d1c2b3a4d");
        assertEquals(
                texts(v17, "//x:policy/x:attributes/x:commonName"), texts(v16, "//x:policy/x:attributes/x:commonName"));
    }

    @Test
    void windowsFirstRequestWithUsernameToken() throws Exception {
        HttpResponse<String> response = post(USERNAME_PASSWORD.toLowerCase(), windows("LAB\\alice", password("alice")));
        Document doc = checkedAnswer(response, "urn:uuid:5fb5f6fd-4709-414b-8afa-0c05f6686d1c");
        assertEquals("true", eval(doc, "//x:response/x:policiesNotChanged/@xsi:nil"));
    }

    @Test
    void aCallerWithoutEnrollDoesNotSeeTheTemplate() throws Exception {
        Document alice = checkedAnswer(
                post(USERNAME_PASSWORD, cepces("v0.3.17", "alice@lab.example", password("alice"))),
                "urn:uuid:c0c1892b-5b8e-4a06-9a3e-6f0d1c2b3a4d");
        Document bob = checkedAnswer(
                post(USERNAME_PASSWORD, cepces("v0.3.17", "bob@lab.example", password("bob"))),
                "urn:uuid:c0c1892b-5b8e-4a06-9a3e-6f0d1c2b3a4d");
        List<String> aliceTemplates = texts(alice, "//x:policy/x:attributes/x:commonName");
        List<String> bobTemplates = texts(bob, "//x:policy/x:attributes/x:commonName");
        assertTrue(aliceTemplates.contains("LabUserV2"), aliceTemplates.toString());
        assertFalse(bobTemplates.contains("LabUserV2"), "PKI Enroll Blocked denies bob LabUserV2: " + bobTemplates);
    }

    @Test
    void preferredLanguageNamesOidsAsTheDirectoryDoes() throws Exception {
        String german = cepces("v0.3.17", "alice@lab.example", password("alice"))
                .replace(
                        "<ns2:preferredLanguage xsi:nil=\"true\" />",
                        "<ns2:preferredLanguage>de-DE</ns2:preferredLanguage>");
        Document doc = checkedAnswer(post(USERNAME_PASSWORD, german), "urn:uuid:c0c1892b-5b8e-4a06-9a3e-6f0d1c2b3a4d");
        assertTrue(
                texts(doc, "//x:oID/x:defaultName").contains("Lab mittlere Vertrauensstufe"),
                texts(doc, "//x:oID/x:defaultName").toString());
    }

    @Test
    void aWrongPasswordIsAFailedAuthenticationFault() throws Exception {
        HttpResponse<String> response = post(USERNAME_PASSWORD, cepces("v0.3.17", "alice@lab.example", "wrong"));
        assertEquals(500, response.statusCode(), response.body());
        Document doc = parse(response.body());
        assertEquals("s:Sender", eval(doc, "//s:Fault/s:Code/s:Value"));
        assertEquals("wsse:FailedAuthentication", eval(doc, "//s:Fault/s:Code/s:Subcode/s:Value"));
    }

    @Test
    void aPostToAnotherPathIsASoapFault() throws Exception {
        for (String path : List.of("/", "/ADPolicyProvider_CEP_Anonymous/service.svc/CEP", "/index.html")) {
            HttpResponse<String> response = post(path, cepces("v0.3.17", "alice@lab.example", password("alice")));
            assertEquals(500, response.statusCode(), path + ": " + response.body());
            assertTrue(
                    response.headers().firstValue("Content-Type").orElse("").startsWith("application/soap+xml"), path);
            assertEquals("s:Sender", eval(parse(response.body()), "//s:Fault/s:Code/s:Value"), path);
        }
    }

    @Test
    void anExternalEntityIsRefusedWithAFault() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + cepces("v0.3.17", "alice@lab.example", password("alice"))
                        .replace("urn:uuid:c0c1892b-5b8e-4a06-9a3e-6f0d1c2b3a4d", "&xxe;");
        HttpResponse<String> response = post(USERNAME_PASSWORD, xxe);
        assertEquals(500, response.statusCode(), response.body());
        assertEquals("s:Sender", eval(parse(response.body()), "//s:Fault/s:Code/s:Value"));
        assertFalse(response.body().contains("root:"), response.body());
    }

    @Test
    void anEmptyBodyIsASenderFault() throws Exception {
        String empty = cepces("v0.3.17", "alice@lab.example", password("alice"))
                .replaceAll("<ns0:Body>.*</ns0:Body>", "<ns0:Body />");
        HttpResponse<String> response = post(USERNAME_PASSWORD, empty);
        assertEquals(500, response.statusCode(), response.body());
        assertTrue(eval(parse(response.body()), "//s:Fault/s:Reason/s:Text").startsWith("CEP0105"), response.body());
    }

    /** cepces' path for Samba: the Kerberos endpoint, SPNEGO on the connection that got the 401. */
    @Test
    void cepcesOverKerberos() throws Exception {
        KerberosClient alice = KerberosClient.login("alice", password("alice"));
        String path = "/ADPolicyProvider_CEP_Kerberos/service.svc/CEP";
        try (RawHttps http = new RawHttps(null)) {
            String body = shape("cepces/GetPolicies/v0.3.17.xml");
            assertEquals(401, http.post(path, null, body).status());
            RawHttps.Response answer = http.post(path, "Negotiate " + alice.firstToken(KerberosClient.SPNEGO), body);
            assertEquals(200, answer.status(), answer.body());
            Document doc = parse(answer.body());
            assertTrue(texts(doc, "//x:policy/x:attributes/x:commonName").contains("User"), answer.body());
            assertEquals("urn:uuid:c0c1892b-5b8e-4a06-9a3e-6f0d1c2b3a4d", eval(doc, "//a:RelatesTo"));
        }
    }

    /** A machine certificate (SID extension of WEB01$) on the Certificate endpoint: the Machine template. */
    @Test
    void cepcesOverACertificate() throws Exception {
        javax.net.ssl.KeyManager[] keys = TestCertificates.client(
                TestCertificates.developmentCa(),
                TestCertificates.Spec.subject("CN=web01.lab.example").sid(WEB01_SID));
        try (RawHttps http = new RawHttps(keys)) {
            RawHttps.Response answer = http.post(
                    "/ADPolicyProvider_CEP_Certificate/service.svc/CEP", null, shape("cepces/GetPolicies/v0.3.17.xml"));
            assertEquals(200, answer.status(), answer.body());
            List<String> templates = texts(parse(answer.body()), "//x:policy/x:attributes/x:commonName");
            assertTrue(templates.contains("Machine"), templates.toString());
        }
    }

    /** Key-based renewal: a certificate that maps to no account, only the templates that allow it. */
    @Test
    void keyBasedRenewalListsOnlyItsTemplates() throws Exception {
        javax.net.ssl.KeyManager[] keys = TestCertificates.client(
                TestCertificates.developmentCa(), TestCertificates.Spec.subject("CN=dmz01.example.net,O=cews"));
        try (RawHttps http = new RawHttps(keys)) {
            RawHttps.Response answer = http.post(
                    "/KeyBasedRenewal_ADPolicyProvider_CEP_Certificate/service.svc/CEP",
                    null,
                    shape("cepces/GetPolicies/v0.3.17.xml"));
            assertEquals(200, answer.status(), answer.body());
            assertEquals(
                    List.of("LabKeyBasedRenewal"), texts(parse(answer.body()), "//x:policy/x:attributes/x:commonName"));
        }
    }

    @Test
    void theKerberosEndpointRefusesARequestWithoutKerberos() throws Exception {
        HttpResponse<String> response = post(
                "/ADPolicyProvider_CEP_Kerberos/service.svc/CEP",
                cepces("v0.3.17", "alice@lab.example", password("alice")));
        assertNotEquals(200, response.statusCode(), response.body());
    }
}
