package org.cews.cep.xcep;

import static org.cews.cep.testing.LabForestPolicy.eval;
import static org.cews.cep.testing.LabForestPolicy.nodes;
import static org.cews.cep.testing.LabForestPolicy.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.cews.cep.testing.LabForestPolicy;
import org.cews.policy.acl.CallerSids;
import org.cews.policy.acl.Sid;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.model.ClientAuthentication;
import org.cews.policy.model.EnrollmentServer;
import org.cews.policy.view.CaEntry;
import org.cews.policy.view.Caller;
import org.cews.policy.view.PolicyView;
import org.cews.policy.view.PolicyViews;
import org.cews.policy.view.RequestFilter;
import org.cews.policy.view.ViewConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class GetPoliciesResponseWriterTest {

    static final String POLICY_ID = "{6F0C2F1E-4B7A-4E53-9C1D-2A8B7E0D5C31}";

    /** [MS-XCEP] 3.1.4.1.3: the xs:sequence of every complex type with a fixed content. */
    static final Map<String, List<String>> SEQUENCES = Map.ofEntries(
            Map.entry("GetPoliciesResponse", List.of("response", "cAs", "oIDs")),
            Map.entry(
                    "response",
                    List.of("policyID", "policyFriendlyName", "nextUpdateHours", "policiesNotChanged", "policies")),
            Map.entry("policy", List.of("policyOIDReference", "cAs", "attributes")),
            Map.entry(
                    "attributes",
                    List.of(
                            "commonName",
                            "policySchema",
                            "certificateValidity",
                            "permission",
                            "privateKeyAttributes",
                            "revision",
                            "supersededPolicies",
                            "privateKeyFlags",
                            "subjectNameFlags",
                            "enrollmentFlags",
                            "generalFlags",
                            "hashAlgorithmOIDReference",
                            "rARequirements",
                            "keyArchivalAttributes",
                            "extensions")),
            Map.entry("certificateValidity", List.of("validityPeriodSeconds", "renewalPeriodSeconds")),
            Map.entry("permission", List.of("enroll", "autoEnroll")),
            Map.entry(
                    "privateKeyAttributes",
                    List.of(
                            "minimalKeyLength",
                            "keySpec",
                            "keyUsageProperty",
                            "permissions",
                            "algorithmOIDReference",
                            "cryptoProviders")),
            Map.entry("revision", List.of("majorRevision", "minorRevision")),
            Map.entry("rARequirements", List.of("rASignatures", "rAEKUs", "rAPolicies")),
            Map.entry(
                    "keyArchivalAttributes", List.of("symmetricAlgorithmOIDReference", "symmetricAlgorithmKeyLength")),
            Map.entry("extension", List.of("oIDReference", "critical", "value")),
            Map.entry("cA", List.of("uris", "certificate", "enrollPermission", "cAReferenceID")),
            Map.entry("cAURI", List.of("clientAuthentication", "uri", "priority", "renewalOnly")),
            Map.entry("oID", List.of("value", "group", "oIDReferenceID", "defaultName")));

    static LabForestPolicy lab;
    static PolicyViews views = new PolicyViews(ViewConfig.of(POLICY_ID));

    @BeforeAll
    static void start() throws Exception {
        lab = LabForestPolicy.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static byte[] write(Caller caller, RequestFilter filter, boolean notChanged) {
        PolicyView view = views.view(lab.snapshot(), LabForestPolicy.READ_AT, caller, filter);
        List<CaEntry> cas = view.cas().isEmpty() ? views.usableCas(lab.snapshot(), caller, filter) : view.cas();
        return GetPoliciesResponseWriter.write(new XcepAnswer(view, cas, OptionalInt.of(8), notChanged));
    }

    static Document answer(String account) throws Exception {
        return parse(write(lab.caller(account), RequestFilter.NONE, false));
    }

    /** Checks every element with a fixed sequence, all the way down; returns how many it checked. */
    static int checkOrder(Element element) {
        int checked = 0;
        List<String> expected = SEQUENCES.get(element.getLocalName());
        boolean nil = "true".equals(element.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "nil"));
        List<String> actual = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                actual.add(child.getLocalName());
                checked += checkOrder(child);
            }
        }
        if (expected != null && !nil) {
            assertEquals(expected, actual, "children of " + element.getLocalName());
            checked++;
        }
        return checked;
    }

    @Test
    void everyElementInSchemaOrder() throws Exception {
        for (String account : List.of("alice", "bob", "carol", "WEB01$")) {
            Document doc = answer(account);
            assertTrue(checkOrder(doc.getDocumentElement()) > 10, account);
        }
    }

    /** The same check passes on what real AD CS sent: the expected sequences are the schema's. */
    @Test
    void theOrderCheckAgreesWithTheAdcsFixtures() throws Exception {
        for (String name :
                List.of("getpolicies-response-machine-template.xml", "getpolicies-response-no-templates.xml")) {
            Document fixture = parse(LabForestPolicy.resource("adcs/GetPoliciesResponse/" + name));
            checkOrder(fixture.getDocumentElement());
        }
    }

    /**
     * The lab's Machine template is AD's default one, as in the AD CS fixture: WEB01$'s answer has
     * the same attributes, the same nil elements and the same extension values.
     */
    @Test
    void machineTemplateMatchesTheAdcsFixture() throws Exception {
        Document ours = answer("WEB01$");
        Document adcs =
                parse(LabForestPolicy.resource("adcs/GetPoliciesResponse/getpolicies-response-machine-template.xml"));
        String machine = "//x:policy[x:attributes/x:commonName='Machine']/x:attributes";
        assertEquals(leaves(adcs, machine + "//*[not(*)]"), leaves(ours, machine + "//*[not(*)]"));
        for (String field : List.of(
                "commonName",
                "policySchema",
                "privateKeyAttributes/minimalKeyLength",
                "privateKeyAttributes/keySpec",
                "privateKeyAttributes/cryptoProviders/provider",
                "revision/majorRevision",
                "revision/minorRevision",
                "privateKeyFlags",
                "subjectNameFlags",
                "generalFlags")) {
            String path = machine + "/x:" + field.replace("/", "/x:");
            assertEquals(eval(adcs, path), eval(ours, path), field);
        }
        for (int i = 1; i <= 3; i++) {
            String extension = machine + "/x:extensions/x:extension[" + i + "]";
            assertEquals(eval(adcs, extension + "/x:value"), eval(ours, extension + "/x:value"), "extension " + i);
            assertEquals(
                    eval(adcs, extension + "/x:critical"), eval(ours, extension + "/x:critical"), "extension " + i);
            String name = "//x:oID[x:oIDReferenceID=" + extension + "/x:oIDReference]";
            assertEquals(eval(adcs, name + "/x:value"), eval(ours, name + "/x:value"), "extension " + i + " OID");
            assertEquals(eval(adcs, name + "/x:group"), eval(ours, name + "/x:group"), "extension " + i + " group");
        }
        String template =
                "//x:oID[x:oIDReferenceID=//x:policy[x:attributes/x:commonName='Machine']/x:policyOIDReference]";
        assertEquals("9", eval(ours, template + "/x:group"));
        assertEquals("Computer", eval(ours, template + "/x:defaultName"));
    }

    /** Element names below {@code expression}'s matches, with "nil" for the nil ones, in order. */
    static List<String> leaves(Document doc, String expression) throws Exception {
        NodeList list = nodes(doc, expression);
        List<String> leaves = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            boolean nil = "true".equals(e.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "nil"));
            leaves.add(e.getLocalName() + (nil ? " nil" : ""));
        }
        return leaves;
    }

    @Test
    void headerValues() throws Exception {
        Document doc = answer("alice");
        assertEquals(POLICY_ID, eval(doc, "/x:GetPoliciesResponse/x:response/x:policyID"));
        assertEquals("true", eval(doc, "/x:GetPoliciesResponse/x:response/x:policyFriendlyName/@xsi:nil"));
        assertEquals("8", eval(doc, "/x:GetPoliciesResponse/x:response/x:nextUpdateHours"));
        assertEquals("true", eval(doc, "/x:GetPoliciesResponse/x:response/x:policiesNotChanged/@xsi:nil"));
    }

    /** Every reference resolves, every reference id is unique, every template OID arc fits 32 bits. */
    @Test
    void referencesAreUniqueAndResolve() throws Exception {
        for (String account : List.of("alice", "WEB01$", "bob")) {
            Document doc = answer(account);
            Set<String> oidIds = unique(doc, "//x:oIDs/x:oID/x:oIDReferenceID");
            Set<String> caIds = unique(doc, "/x:GetPoliciesResponse/x:cAs/x:cA/x:cAReferenceID");
            for (String ref : texts(
                    doc,
                    "//x:policyOIDReference | //x:oIDReference | //x:hashAlgorithmOIDReference[not(@xsi:nil)]"
                            + " | //x:algorithmOIDReference[not(@xsi:nil)] | //x:symmetricAlgorithmOIDReference")) {
                assertTrue(oidIds.contains(ref), account + ": OID reference " + ref + " resolves");
            }
            for (String ref : texts(doc, "//x:policy/x:cAs/x:cAReference")) {
                assertTrue(caIds.contains(ref), account + ": CA reference " + ref + " resolves");
            }
            for (String oid : texts(doc, "//x:oID[x:group=9]/x:value")) {
                assertTrue(new org.cews.policy.model.Oid(oid).arcsFit32Bits(), oid);
            }
        }
    }

    static Set<String> unique(Document doc, String expression) throws Exception {
        List<String> values = texts(doc, expression);
        Set<String> set = new HashSet<>(values);
        assertEquals(values.size(), set.size(), "unique " + expression + ": " + values);
        return set;
    }

    static List<String> texts(Document doc, String expression) throws Exception {
        NodeList list = nodes(doc, expression);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            values.add(list.item(i).getTextContent());
        }
        return values;
    }

    /** Schema 3 template: hash and key algorithms as references, key usage property, nil archival. */
    @Test
    void schemaThreeTemplateCarriesItsAlgorithms() throws Exception {
        String pend = "//x:policy[x:attributes/x:commonName='LabPendAll']/x:attributes";
        Document doc = null;
        for (String account : List.of("alice", "bob", "carol", "WEB01$")) {
            Document candidate = answer(account);
            if (doc == null && nodes(candidate, pend).getLength() == 1) {
                doc = candidate;
            }
        }
        assertTrue(doc != null, "some lab account may enroll for LabPendAll");
        assertEquals(
                "2.16.840.1.101.3.4.2.1",
                eval(doc, "//x:oID[x:oIDReferenceID=" + pend + "/x:hashAlgorithmOIDReference]/x:value"));
        assertEquals("1", eval(doc, "//x:oID[x:oIDReferenceID=" + pend + "/x:hashAlgorithmOIDReference]/x:group"));
        assertEquals(
                "1.2.840.113549.1.1.1",
                eval(
                        doc,
                        "//x:oID[x:oIDReferenceID=" + pend
                                + "/x:privateKeyAttributes/x:algorithmOIDReference]/x:value"));
        assertEquals("16777215", eval(doc, pend + "/x:privateKeyAttributes/x:keyUsageProperty"));
        assertEquals("true", eval(doc, pend + "/x:keyArchivalAttributes/@xsi:nil"));
    }

    /** [MS-XCEP] 3.1.4.1.3.9 preferredLanguage: the directory's msPKI-OIDLocalizedName for that language. */
    @Test
    void preferredLanguagePicksTheDirectorysLocalizedOidName() throws Exception {
        Caller alice = lab.caller("alice");
        PolicyView view = views.view(lab.snapshot(), LabForestPolicy.READ_AT, alice, RequestFilter.NONE);
        String medium =
                "//x:oID[x:value='1.3.6.1.4.1.311.21.8.5734392.4462839.12589318.4307153.8437392.112.7396584.9876543']/x:defaultName";
        Document german = parse(GetPoliciesResponseWriter.write(
                new XcepAnswer(view, view.cas(), OptionalInt.of(8), false, XcepAnswer.language(Optional.of("de-DE")))));
        assertEquals("Lab mittlere Vertrauensstufe", eval(german, medium));
        Document bareGerman = parse(GetPoliciesResponseWriter.write(
                new XcepAnswer(view, view.cas(), OptionalInt.of(8), false, XcepAnswer.language(Optional.of("de")))));
        assertEquals("Lab mittlere Vertrauensstufe", eval(bareGerman, medium));
        Document french = parse(GetPoliciesResponseWriter.write(
                new XcepAnswer(view, view.cas(), OptionalInt.of(8), false, XcepAnswer.language(Optional.of("fr-FR")))));
        assertEquals("Lab Medium Assurance", eval(french, medium), "no French name in the directory: the default");
        Document none =
                parse(GetPoliciesResponseWriter.write(new XcepAnswer(view, view.cas(), OptionalInt.of(8), false)));
        assertEquals("Lab Medium Assurance", eval(none, medium));
    }

    @Test
    void policiesNotChangedHasNilCollections() throws Exception {
        Document doc = parse(write(lab.caller("alice"), RequestFilter.NONE, true));
        assertEquals("true", eval(doc, "/x:GetPoliciesResponse/x:response/x:policiesNotChanged"));
        assertEquals("true", eval(doc, "/x:GetPoliciesResponse/x:response/x:policies/@xsi:nil"));
        assertEquals("true", eval(doc, "/x:GetPoliciesResponse/x:cAs/@xsi:nil"));
        assertEquals("true", eval(doc, "/x:GetPoliciesResponse/x:oIDs/@xsi:nil"));
    }

    @Test
    void keyBasedRenewalListsOnlyKeyBasedRenewalTemplates() throws Exception {
        Document doc =
                parse(write(Caller.certificateHolder("CN=dmz01.lab.example"), RequestFilter.KEY_BASED_RENEWAL, false));
        assertEquals(List.of("LabKeyBasedRenewal"), texts(doc, "//x:policy/x:attributes/x:commonName"));
    }

    @Test
    void templatesInStableOrderWhateverTheDirectoryOrder() throws Exception {
        PolicySnapshot snapshot = lab.snapshot();
        List<org.cews.policy.model.CertificateTemplate> reversed = new ArrayList<>(snapshot.templates());
        java.util.Collections.reverse(reversed);
        PolicySnapshot shuffled = new PolicySnapshot(
                snapshot.configurationNamingContext(),
                reversed,
                snapshot.enrollmentServices(),
                snapshot.enterpriseOids(),
                snapshot.forestOid(),
                snapshot.problems(),
                snapshot.readAt());
        Caller alice = lab.caller("alice");
        PolicyView a = views.view(snapshot, LabForestPolicy.READ_AT, alice, RequestFilter.NONE);
        PolicyView b = views.view(shuffled, LabForestPolicy.READ_AT, alice, RequestFilter.NONE);
        byte[] first = GetPoliciesResponseWriter.write(new XcepAnswer(a, a.cas(), OptionalInt.of(8), false));
        byte[] second = GetPoliciesResponseWriter.write(new XcepAnswer(b, b.cas(), OptionalInt.of(8), false));
        List<String> names = texts(parse(first), "//x:policy/x:attributes/x:commonName");
        assertTrue(names.size() > 1, names.toString());
        assertEquals(names, texts(parse(second), "//x:policy/x:attributes/x:commonName"));
        assertArrayEquals(first, second);
    }

    /** A caller whose token holds only its own SID: no template grants it Enroll. */
    static Caller nobody() throws Exception {
        return Caller.account(
                "LAB\\nobody",
                CallerSids.exactly(Sid.parse("S-1-5-21-2918375215-1429853364-3387426671-4242"), Set.of()));
    }

    // ---- cepces: one test per behaviour docs/REAL-CLIENTS.md records ----

    /** cepces ≤ 0.3.13 crashes on a nil or missing response. */
    @Test
    void cepcesResponseIsNeverNil() throws Exception {
        for (Caller caller : List.of(lab.caller("alice"), nobody())) {
            Document doc = parse(write(caller, RequestFilter.NONE, false));
            assertEquals("", eval(doc, "/x:GetPoliciesResponse/x:response/@xsi:nil"));
            assertEquals("1", eval(doc, "count(/x:GetPoliciesResponse/x:response/x:policies)"));
        }
    }

    /** Every cepces version crashes on an empty cAs and ≤ 0.3.13 on a nil one: a caller without templates still gets a CA. */
    @Test
    void cepcesCallerWithoutTemplatesStillGetsACa() throws Exception {
        Document doc = parse(write(nobody(), RequestFilter.NONE, false));
        assertEquals("0", eval(doc, "count(//x:policy)"));
        assertEquals("true", eval(doc, "/x:GetPoliciesResponse/x:response/x:policies/@xsi:nil"));
        assertTrue(Integer.parseInt(eval(doc, "count(/x:GetPoliciesResponse/x:cAs/x:cA)")) >= 1);
    }

    /** cepces refuses the whole policy if any cAURI has a clientAuthentication other than 1, 2, 4, 8. */
    @Test
    void cepcesClientAuthenticationOnlyOneTwoFourOrEight() throws Exception {
        Caller alice = lab.caller("alice");
        PolicyView view = views.view(lab.snapshot(), LabForestPolicy.READ_AT, alice, RequestFilter.NONE);
        CaEntry ca = view.cas().get(0);
        List<EnrollmentServer> uris = new ArrayList<>(ca.uris());
        uris.add(new EnrollmentServer(1, new ClientAuthentication(6), false, URI.create("https://x/CES")));
        uris.add(new EnrollmentServer(1, new ClientAuthentication(0), false, URI.create("https://y/CES")));
        CaEntry odd = new CaEntry(ca.referenceId(), ca.service(), uris, ca.certificate(), true, Optional.empty());
        Document doc =
                parse(GetPoliciesResponseWriter.write(new XcepAnswer(view, List.of(odd), OptionalInt.of(8), false)));
        for (String code : texts(doc, "//x:cAURI/x:clientAuthentication")) {
            assertTrue(Set.of("1", "2", "4", "8").contains(code), code);
        }
        assertEquals(ca.uris().size(), nodes(doc, "//x:cAURI").getLength());
    }

    /** cepces sorts cAURIs with int(priority): nil priority with two URIs is a TypeError. */
    @Test
    void cepcesIntegerPriorityOnEveryCaUri() throws Exception {
        Document doc = answer("alice");
        List<String> priorities = texts(doc, "//x:cAURI/x:priority");
        assertEquals(nodes(doc, "//x:cAURI").getLength(), priorities.size());
        priorities.forEach(p -> assertTrue(p.matches("[0-9]+"), p));
    }

    /** cepces accepts only true/false/1/0 for renewalOnly; True or a blank aborts the run. */
    @Test
    void cepcesRenewalOnlyExplicitAndLowerCase() throws Exception {
        Document doc = answer("alice");
        List<String> values = texts(doc, "//x:cAURI/x:renewalOnly");
        assertEquals(nodes(doc, "//x:cAURI").getLength(), values.size());
        values.forEach(v -> assertTrue(v.equals("true") || v.equals("false"), v));
        assertTrue(values.contains("true"), "the lab CA has a renewal-only KBR CES: " + values);
        texts(doc, "//x:enroll | //x:autoEnroll | //x:critical | //x:enrollPermission")
                .forEach(v -> assertTrue(v.equals("true") || v.equals("false"), v));
    }

    /** cepces recognises nil only as the literal xsi:nil="true" in the XSI namespace. */
    @Test
    void cepcesNilIsTheLiteralTrue() throws Exception {
        String xml = LabForestPolicy.text(write(lab.caller("alice"), RequestFilter.NONE, false));
        assertTrue(xml.contains("xsi:nil=\"true\""), xml);
        assertFalse(xml.contains("xsi:nil=\"1\""), xml);
        assertFalse(xml.contains("nil=\"false\""), xml);
        assertTrue(xml.contains("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""), xml);
    }

    /** cepces' certificate converter fails on MIME lines or white space around base64. */
    @Test
    void cepcesBase64OnOneLineWithoutWhiteSpace() throws Exception {
        Document doc = answer("alice");
        List<String> values = texts(doc, "//x:cA/x:certificate | //x:extension/x:value");
        assertFalse(values.isEmpty());
        for (String value : values) {
            assertTrue(value.matches("[A-Za-z0-9+/]+=*"), value);
        }
    }

    /** cepces posts to the cAURI/uri text verbatim: no white space around it, and no text node anywhere carries any. */
    @Test
    void cepcesUriVerbatimAndNoWhiteSpaceInTextNodes() throws Exception {
        String xml = LabForestPolicy.text(write(lab.caller("alice"), RequestFilter.NONE, false));
        assertFalse(xml.contains("\n"), "no indentation");
        assertFalse(xml.startsWith("<?xml"), "no declaration inside the Body");
        Document doc = parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String uri : texts(doc, "//x:cAURI/x:uri")) {
            assertEquals(uri.strip(), uri);
            assertTrue(uri.startsWith("https://"), uri);
        }
        for (String text : texts(doc, "//*[not(*)]")) {
            assertEquals(text.strip(), text);
        }
    }
}
