package org.cews.it.samba;

import static org.cews.it.CepGetPoliciesIT.cepces;
import static org.cews.it.CepGetPoliciesIT.eval;
import static org.cews.it.CepGetPoliciesIT.parse;
import static org.cews.it.CepGetPoliciesIT.shape;
import static org.cews.it.CepGetPoliciesIT.texts;
import static org.cews.it.CepGetPoliciesIT.windows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManager;
import org.cews.it.KerberosClient;
import org.cews.it.RawHttps;
import org.cews.it.TestCertificates;
import org.cews.lab.LabAccounts;
import org.cews.policy.fixtures.InMemoryAd;
import org.cews.policy.fixtures.LabForest;
import org.cews.policy.view.PolicyView;
import org.cews.policy.view.RequestFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;

/**
 * Issue 13 with Samba AD as the directory: GetPolicies ([MS-XCEP] 3.1.4.1) on the four CEP
 * endpoints of the WildFly of the {@link SambaForest}, which reads the policy from a Samba AD DC
 * loaded with the lab forest (plain LDAP sealed by GSSAPI as svc-cep) and authenticates callers against it, with
 * the request shapes of Windows and cepces and real credentials from Samba (UsernameToken, a
 * ticket from Samba's KDC, client certificates mapped to Samba's accounts). For every caller the
 * templates offered, with their Enroll and AutoEnroll, are the ones ldap-policy's view gives for
 * the same LDIF on the in-memory directory the unit tests use: the same answers.
 */
@ExtendWith(SambaForest.Extension.class)
class SambaCepIT {

    static final String CEP_PASSWORD = "/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP";
    static final String CEP_KERBEROS = "/ADPolicyProvider_CEP_Kerberos/service.svc/CEP";
    static final String CEP_CERTIFICATE = "/ADPolicyProvider_CEP_Certificate/service.svc/CEP";
    static final String CEP_KBR = "/KeyBasedRenewal_ADPolicyProvider_CEP_Certificate/service.svc/CEP";
    static final String CEPCES_MESSAGE = "urn:uuid:c0c1892b-5b8e-4a06-9a3e-6f0d1c2b3a4d";
    static final String WINDOWS_MESSAGE = "urn:uuid:5fb5f6fd-4709-414b-8afa-0c05f6686d1c";

    static SambaForest forest;
    static int port;
    static LabAccounts accounts;
    static InMemoryAd inMemory;
    static SambaPolicyIT.Side memory;

    @BeforeAll
    static void start(SambaForest shared) throws Exception {
        forest = shared;
        port = forest.wildfly().https("/").getPort();
        accounts = LabAccounts.load();
        inMemory = InMemoryAd.start();
        memory = SambaPolicyIT.Side.inMemory(inMemory);
    }

    @AfterAll
    static void stop() {
        if (inMemory != null) {
            inMemory.close();
        }
    }

    static String password(String sam) {
        return accounts.requireUser(sam).password();
    }

    /** Over a UsernameToken in the body. */
    static Document post(String path, String body, String messageId) throws Exception {
        return post(path, null, null, body, messageId);
    }

    static Document post(String path, KeyManager[] keys, String authorization, String body, String messageId)
            throws Exception {
        try (RawHttps http = new RawHttps(keys, port)) {
            RawHttps.Response answer = http.post(path, authorization, body);
            assertEquals(200, answer.status(), path + ": " + answer.body());
            Document doc = parse(answer.body());
            assertEquals(messageId, eval(doc, "/s:Envelope/s:Header/a:RelatesTo"));
            return doc;
        }
    }

    /** The templates offered: name, Enroll, AutoEnroll, in the answer's order. */
    static List<String> offered(Document doc) throws Exception {
        List<String> names = texts(doc, "//x:policy/x:attributes/x:commonName");
        List<String> enroll = texts(doc, "//x:policy/x:attributes/x:permission/x:enroll");
        List<String> auto = texts(doc, "//x:policy/x:attributes/x:permission/x:autoEnroll");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(names.get(i) + " enroll=" + enroll.get(i) + " autoEnroll=" + auto.get(i));
        }
        return out;
    }

    /** What ldap-policy's view of the in-memory directory offers {@code account}, in the same words. */
    static List<String> expected(String account, RequestFilter filter) throws Exception {
        PolicyView view = memory.views().view(memory.snapshot(), memory.caller(account), filter);
        return view.policies().stream()
                .map(p -> p.name() + " enroll=" + p.permission().enroll() + " autoEnroll="
                        + p.permission().autoEnroll())
                .toList();
    }

    static void assertSameAsInMemory(String account, Document doc) throws Exception {
        assertEquals(
                expected(account, RequestFilter.NONE).stream().sorted().toList(),
                offered(doc).stream().sorted().toList(),
                account + ": the templates Samba's CEP offers are the in-memory view's");
        assertEquals(
                List.of(
                        "https://localhost:" + port + "/ces/" + forest.caName() + "_CES_Kerberos/service.svc/CES",
                        "https://localhost:" + port + "/ces/" + forest.caName()
                                + "_CES_UsernamePassword/service.svc/CES",
                        "https://localhost:" + port + "/ces/" + forest.caName() + "_CES_Certificate/service.svc/CES"),
                texts(doc, "//x:cA/x:uris/x:cAURI/x:uri"));
        assertEquals(List.of("2", "4", "8"), texts(doc, "//x:cA/x:uris/x:cAURI/x:clientAuthentication"));
        assertFalse(eval(doc, "//x:cA/x:certificate").isBlank());
    }

    @Test
    void cepcesShapesOverUsernameTokenGiveEveryUserHisTemplates() throws Exception {
        for (String user : List.of("alice", "bob", "carol")) {
            Document v17 = post(CEP_PASSWORD, cepces("v0.3.17", user + "@lab.example", password(user)), CEPCES_MESSAGE);
            assertSameAsInMemory(user, v17);
            Document v16 = post(CEP_PASSWORD, cepces("v0.3.16", user + "@lab.example", password(user)), CEPCES_MESSAGE);
            assertEquals(offered(v17), offered(v16), user + ": nil versions and 0/0 are the same filter");
        }
    }

    @Test
    void windowsFirstRequestOverUsernameToken() throws Exception {
        Document doc = post(CEP_PASSWORD.toLowerCase(), windows("LAB\\alice", password("alice")), WINDOWS_MESSAGE);
        assertEquals("true", eval(doc, "//x:response/x:policiesNotChanged/@xsi:nil"));
        assertSameAsInMemory("alice", doc);
    }

    @Test
    void aCallerWithoutEnrollDoesNotSeeTheTemplate() throws Exception {
        List<String> bob =
                offered(post(CEP_PASSWORD, cepces("v0.3.17", "bob@lab.example", password("bob")), CEPCES_MESSAGE));
        List<String> alice =
                offered(post(CEP_PASSWORD, cepces("v0.3.17", "alice@lab.example", password("alice")), CEPCES_MESSAGE));
        assertTrue(alice.stream().anyMatch(t -> t.startsWith("LabUserV2 ")), alice.toString());
        assertFalse(bob.stream().anyMatch(t -> t.startsWith("LabUserV2 ")), "PKI Enroll Blocked: " + bob);
    }

    /** cepces' path for Samba: the Kerberos endpoint, SPNEGO with a ticket from Samba's KDC. */
    @Test
    void cepcesOverKerberosFromSambasKdc() throws Exception {
        KerberosClient alice = KerberosClient.login("alice", password("alice"), forest.krb5Conf());
        String body = shape("cepces/GetPolicies/v0.3.17.xml");
        try (RawHttps http = new RawHttps(null, port)) {
            assertEquals(401, http.post(CEP_KERBEROS, null, body).status());
            RawHttps.Response answer =
                    http.post(CEP_KERBEROS, "Negotiate " + alice.firstToken(KerberosClient.SPNEGO), body);
            assertEquals(200, answer.status(), answer.body());
            assertSameAsInMemory("alice", parse(answer.body()));
        }
    }

    /** A machine certificate with WEB01$'s SID: the computer's templates (Machine), from Samba. */
    @Test
    void cepcesOverAMachineCertificate() throws Exception {
        KeyManager[] keys = TestCertificates.fromDevelopmentCa(
                TestCertificates.Spec.subject("CN=web01.lab.example").sid(LabForest.WEB01.toString()));
        Document doc = post(CEP_CERTIFICATE, keys, null, shape("cepces/GetPolicies/v0.3.17.xml"), CEPCES_MESSAGE);
        assertTrue(
                offered(doc).stream().anyMatch(t -> t.startsWith("Machine ")),
                offered(doc).toString());
        assertSameAsInMemory("WEB01$", doc);
    }

    @Test
    void keyBasedRenewalListsOnlyItsTemplates() throws Exception {
        KeyManager[] keys =
                TestCertificates.fromDevelopmentCa(TestCertificates.Spec.subject("CN=dmz02.example.net,O=cews"));
        Document doc = post(CEP_KBR, keys, null, shape("cepces/GetPolicies/v0.3.17.xml"), CEPCES_MESSAGE);
        assertEquals(List.of("LabKeyBasedRenewal"), texts(doc, "//x:policy/x:attributes/x:commonName"));
    }
}
