package org.cews.ces.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cews.ces.TestPki;
import org.cews.ces.wstep.BinarySecurityToken;
import org.cews.ces.wstep.ContextItem;
import org.cews.ces.wstep.HResult;
import org.cews.ces.wstep.RstRequest;
import org.cews.ces.wstep.RstResponse;
import org.cews.ces.wstep.Wstep;
import org.cews.ces.wstep.WstepFault;
import org.cews.policy.cache.PolicyUnavailableException;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.soap.auth.AuthMode;
import org.cews.soap.auth.CallerIdentity;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.EnrollmentResult;
import org.cews.wcce.api.RequestFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The container-free CES against the lab forest's policy and a fake connector. */
class EnrollmentServiceTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final URI ENDPOINT =
            URI.create("https://ces.lab.example/ces/Lab-Issuing-CA_CES_UsernamePassword/service.svc/CES");
    private static final byte[] KEY_1 = new byte[32];
    private static final byte[] KEY_2 = new byte[32];

    private static PolicySnapshot policy;
    private static KeyPair key;
    private static KeyPair caKey;
    private static X509Certificate ca;
    private static X509Certificate issued;
    private static byte[] issuedDer;

    private FakeCa fake;
    private final List<AuditRecord> audit = new ArrayList<>();

    @BeforeAll
    static void lab() throws Exception {
        policy = LabPolicy.snapshot();
        key = TestPki.rsa(0);
        caKey = TestPki.rsa(2);
        ca = TestPki.ca(LabPolicy.CA, caKey);
        issued = TestPki.issue(
                ca, caKey, "alice", key.getPublic(), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(364)));
        issuedDer = issued.getEncoded();
        KEY_1[0] = 1;
        KEY_2[0] = 2;
    }

    @BeforeEach
    void reset() {
        fake = new FakeCa();
        audit.clear();
    }

    private static CesConfig config(ActingMode mode, byte[]... keys) {
        return new CesConfig(
                mode,
                new PendingReferences(List.of(keys.length == 0 ? new byte[][] {KEY_1} : keys)),
                false,
                Duration.ofDays(7),
                Set.of("cdc", "rmd"),
                List.of(ca),
                Optional.empty());
    }

    private EnrollmentService service(ActingMode mode, byte[]... keys) {
        return EnrollmentService.create(config(mode, keys), fake, Clock.fixed(NOW, ZoneOffset.UTC), audit::add);
    }

    private Outcome call(EnrollmentService service, CallerIdentity caller, boolean kbr, RstRequest request) {
        return call(service, caller, kbr, request, Optional.empty());
    }

    private Outcome call(
            EnrollmentService service, CallerIdentity caller, boolean kbr, RstRequest request, Optional<String> token) {
        return service.handle(
                new EnrollmentCall(caller, kbr, request, ENDPOINT, token, "corr-" + audit.size()), () -> policy);
    }

    private static RstRequest.Issue issue(byte[] der, ContextItem... context) {
        return new RstRequest.Issue(new BinarySecurityToken(Wstep.VALUE_TYPE_PKCS7, der), List.of(context));
    }

    private static byte[] csr(String template) throws Exception {
        return TestPki.pkcs10(key, key, template);
    }

    private static EnrollmentResult.Issued issuedResult(int id) {
        return new EnrollmentResult.Issued(id, issuedDer, new byte[] {0x30, 0x00}, "Issued", LabPolicy.CA);
    }

    private static WstepFault fault(Outcome o) {
        return assertInstanceOf(Outcome.Fault.class, o).fault();
    }

    private static int errorCode(Outcome o) {
        return fault(o).detail().orElseThrow().errorCode().getAsInt();
    }

    private AuditRecord onlyAudit() {
        assertEquals(1, audit.size(), "one audit line per request");
        return audit.get(0);
    }

    @Test
    void enrollmentAgentModeSignsOnBehalfOfTheCaller() throws Exception {
        fake.submit = r -> issuedResult(27);
        Outcome o = call(
                service(ActingMode.ENROLLMENT_AGENT),
                LabPolicy.alice(AuthMode.USERNAME_PASSWORD),
                false,
                issue(csr("User")));
        RstResponse.Issued answer = assertInstanceOf(
                RstResponse.Issued.class,
                assertInstanceOf(Outcome.Answer.class, o).response());
        assertEquals(27, answer.requestId());
        assertEquals(List.of("(connector)"), fake.connectedAs);
        assertEquals("LAB\\alice", fake.submitted.get(0).onBehalfOf());
        assertEquals(RequestFormat.PKCS10, fake.submitted.get(0).format());
        assertEquals("User", fake.submitted.get(0).attributes().get("CertificateTemplate"));
        assertTrue(fake.submitted.get(0).fullResponse());
        assertEquals(1, fake.closed);
        AuditRecord a = onlyAudit();
        assertEquals(Disposition.ISSUED, a.disposition());
        assertTrue(a.line().startsWith("CES0390 caller=LAB\\alice auth=UsernamePassword template=User"), a.line());
        assertTrue(a.line().contains("ca=Lab-Issuing-CA requestId=27"), a.line());
        assertTrue(a.line().contains("correlation=corr-0"), a.line());
    }

    @Test
    void impersonationModeConnectsAsTheCaller() throws Exception {
        fake.submit = r -> issuedResult(28);
        Outcome o =
                call(service(ActingMode.IMPERSONATION), LabPolicy.alice(AuthMode.KERBEROS), false, issue(csr("User")));
        assertInstanceOf(Outcome.Answer.class, o);
        assertEquals(List.of("alice@LAB.EXAMPLE"), fake.connectedAs);
        assertFalse(fake.submitted.get(0).isOnBehalfOf());
    }

    @Test
    void onlyAllowedContextItemsAreForwardedAndNeverSan() throws Exception {
        fake.submit = r -> issuedResult(29);
        call(
                service(ActingMode.ENROLLMENT_AGENT),
                LabPolicy.alice(AuthMode.KERBEROS),
                false,
                issue(
                        csr("User"),
                        new ContextItem("cdc", "dc1.lab.example"),
                        new ContextItem("SAN", "dns=evil.example&upn=administrator@lab.example"),
                        new ContextItem("ccm", "ws1"),
                        new ContextItem("rmd", "bad\nvalue")));
        Map<String, String> attributes = fake.submitted.get(0).attributes();
        assertEquals(Map.of("CertificateTemplate", "User", "cdc", "dc1.lab.example"), attributes);
    }

    @Test
    void theCaGetsTheTemplateNameWhenTheRequestNamesItByAdditionalContext() throws Exception {
        fake.submit = r -> issuedResult(30);
        byte[] bare = TestPki.pkcs10(key, key);
        call(
                service(ActingMode.ENROLLMENT_AGENT),
                LabPolicy.alice(AuthMode.KERBEROS),
                false,
                issue(bare, new ContextItem("CertificateTemplate", "LabUserV2")));
        assertEquals("LabUserV2", fake.submitted.get(0).attributes().get("CertificateTemplate"));
    }

    @Test
    void unpublishedTemplateIsRefusedWithUnsupportedCertType() throws Exception {
        Outcome o = call(
                service(ActingMode.ENROLLMENT_AGENT),
                LabPolicy.alice(AuthMode.KERBEROS),
                false,
                issue(csr("LabRetired")));
        assertEquals(HResult.CERTSRV_E_UNSUPPORTED_CERT_TYPE.signed(), errorCode(o));
        assertTrue(fault(o).getMessage().startsWith("CES0303 "), fault(o).getMessage());
        assertFalse(fake.reached());
        assertEquals(Disposition.REFUSED, onlyAudit().disposition());
    }

    @Test
    void unknownTemplateIsRefusedWithUnsupportedCertType() throws Exception {
        Outcome o = call(
                service(ActingMode.ENROLLMENT_AGENT), LabPolicy.alice(AuthMode.KERBEROS), false, issue(csr("Nope")));
        assertEquals(HResult.CERTSRV_E_UNSUPPORTED_CERT_TYPE.signed(), errorCode(o));
        assertFalse(fake.reached());
    }

    @Test
    void requestWithoutTemplateIsRefusedWithNoCertType() throws Exception {
        Outcome o = call(
                service(ActingMode.ENROLLMENT_AGENT),
                LabPolicy.alice(AuthMode.KERBEROS),
                false,
                issue(TestPki.pkcs10(key, key)));
        assertEquals(HResult.CERTSRV_E_NO_CERT_TYPE.signed(), errorCode(o));
    }

    @Test
    void callerWithoutEnrollIsRefusedWithTemplateDenied() throws Exception {
        Outcome o = call(
                service(ActingMode.ENROLLMENT_AGENT), LabPolicy.bob(AuthMode.KERBEROS), false, issue(csr("LabUserV2")));
        WstepFault f = fault(o);
        assertEquals(HResult.CERTSRV_E_TEMPLATE_DENIED.signed(), errorCode(o));
        assertEquals(WstepFault.Code.RECEIVER, f.code());
        assertTrue(f.reason().contains("0x80094012"), f.reason());
        assertTrue(f.detail().orElseThrow().invalidRequest().orElseThrow());
        assertFalse(fake.reached());
    }

    @Test
    void keyBelowTheTemplateMinimumIsRefused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        KeyPair small = g.generateKeyPair();
        byte[] der = TestPki.pkcs10(small, small, "User");
        Outcome o = call(service(ActingMode.ENROLLMENT_AGENT), LabPolicy.alice(AuthMode.KERBEROS), false, issue(der));
        assertEquals(HResult.CERTSRV_E_KEY_LENGTH.signed(), errorCode(o));
        assertFalse(fake.reached());
    }

    @Test
    void forgedProofOfPossessionNeverReachesTheCa() throws Exception {
        byte[] der = TestPki.pkcs10(key, TestPki.rsa(1), "User");
        Outcome o = call(service(ActingMode.ENROLLMENT_AGENT), LabPolicy.alice(AuthMode.KERBEROS), false, issue(der));
        assertEquals(HResult.NTE_BAD_SIGNATURE.signed(), errorCode(o));
        assertFalse(fake.reached());
    }

    @Test
    void hostileDerIsAFaultNotAnError() {
        byte[] hostile = TestPki.nested(5000);
        Outcome o =
                call(service(ActingMode.ENROLLMENT_AGENT), LabPolicy.alice(AuthMode.KERBEROS), false, issue(hostile));
        assertEquals(HResult.ERROR_INVALID_DATA.signed(), errorCode(o));
        assertFalse(fake.reached());
    }

    @Test
    void caDenialIsAFaultWithTheCasHresultAndRequestIdNeverAnAnswer() throws Exception {
        fake.submit = r -> new EnrollmentResult.Denied(31, 0x80094014, "Denied by officer", LabPolicy.CA);
        Outcome o = call(
                service(ActingMode.ENROLLMENT_AGENT), LabPolicy.alice(AuthMode.KERBEROS), false, issue(csr("User")));
        WstepFault f = fault(o);
        assertEquals(0x80094014, errorCode(o));
        assertEquals(Optional.of("31"), f.detail().orElseThrow().requestId());
        assertTrue(f.reason().startsWith("Denied by Policy Module  0x80094014, Denied by officer"), f.reason());
        assertEquals(Disposition.DENIED, onlyAudit().disposition());
    }

    @Test
    void pendingAnswerCarriesASignedReferenceThatTheSameCallerCollects() throws Exception {
        EnrollmentService service = service(ActingMode.ENROLLMENT_AGENT);
        fake.submit = r -> new EnrollmentResult.Pending(62, "", "Lab-Issuing-CA-EC");
        Outcome o = call(service, LabPolicy.alice(AuthMode.KERBEROS), false, issue(csr("LabPendAll")));
        RstResponse.Pending pending = assertInstanceOf(
                RstResponse.Pending.class,
                assertInstanceOf(Outcome.Answer.class, o).response());
        assertEquals(62, pending.requestId());
        assertEquals("Taken Under Submission", pending.disposition());
        URI reference = pending.reference();
        assertEquals(ENDPOINT.getPath(), reference.getPath());
        assertEquals("ces.lab.example", reference.getHost());
        String token = reference.getQuery().substring("pending=".length());

        // still pending: the pending answer again, never a fault
        fake.retrieve = (ca, id) -> new EnrollmentResult.Pending(id, "", ca);
        Outcome again = call(
                service,
                LabPolicy.alice(AuthMode.KERBEROS),
                false,
                new RstRequest.QueryTokenStatus("62", List.of()),
                Optional.of(token));
        assertInstanceOf(
                RstResponse.Pending.class,
                assertInstanceOf(Outcome.Answer.class, again).response());
        assertEquals(List.of("Lab-Issuing-CA-EC#62"), fake.retrieved);

        // issued: collected from the CA the reference names
        fake.retrieve = (ca, id) -> issuedResult(id);
        Outcome collected = call(
                service,
                LabPolicy.alice(AuthMode.KERBEROS),
                false,
                new RstRequest.QueryTokenStatus("62", List.of()),
                Optional.of(token));
        assertInstanceOf(
                RstResponse.Issued.class,
                assertInstanceOf(Outcome.Answer.class, collected).response());
        assertEquals(3, audit.size());
        assertEquals(Disposition.PENDING, audit.get(0).disposition());
        assertEquals(Disposition.ISSUED, audit.get(2).disposition());
    }

    @Test
    void anotherCallerCannotCollectAPendingRequest() throws Exception {
        String token = pendingToken(service(ActingMode.ENROLLMENT_AGENT));
        fake.retrieve = (ca, id) -> issuedResult(id);
        int before = fake.retrieved.size();
        Outcome o = call(
                service(ActingMode.ENROLLMENT_AGENT),
                LabPolicy.bob(AuthMode.KERBEROS),
                false,
                new RstRequest.QueryTokenStatus("62", List.of()),
                Optional.of(token));
        assertEquals(HResult.E_ACCESSDENIED.signed(), errorCode(o));
        assertEquals(before, fake.retrieved.size());
    }

    @Test
    void referenceSurvivesARestartAndAnotherNodeWithTheSameKeyButNoOtherKey() throws Exception {
        String token = pendingToken(service(ActingMode.ENROLLMENT_AGENT));
        fake.retrieve = (ca, id) -> issuedResult(id);
        RstRequest query = new RstRequest.QueryTokenStatus("62", List.of());
        Outcome sameKey = call(
                service(ActingMode.ENROLLMENT_AGENT),
                LabPolicy.alice(AuthMode.KERBEROS),
                false,
                query,
                Optional.of(token));
        assertInstanceOf(Outcome.Answer.class, sameKey);
        Outcome rotated = call(
                service(ActingMode.ENROLLMENT_AGENT, KEY_2, KEY_1),
                LabPolicy.alice(AuthMode.KERBEROS),
                false,
                query,
                Optional.of(token));
        assertInstanceOf(Outcome.Answer.class, rotated);
        Outcome otherKey = call(
                service(ActingMode.ENROLLMENT_AGENT, KEY_2),
                LabPolicy.alice(AuthMode.KERBEROS),
                false,
                query,
                Optional.of(token));
        assertEquals(HResult.E_INVALIDARG.signed(), errorCode(otherKey));
    }

    @Test
    void tamperedOrMismatchedOrMissingReferenceIsRefusedBeforeTheCa() throws Exception {
        String token = pendingToken(service(ActingMode.ENROLLMENT_AGENT));
        int before = fake.retrieved.size();
        EnrollmentService s = service(ActingMode.ENROLLMENT_AGENT);
        CallerIdentity alice = LabPolicy.alice(AuthMode.KERBEROS);
        String tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        for (Optional<String> t : List.of(Optional.of(tampered), Optional.<String>empty(), Optional.of("x.y"))) {
            Outcome o = call(s, alice, false, new RstRequest.QueryTokenStatus("62", List.of()), t);
            assertEquals(HResult.E_INVALIDARG.signed(), errorCode(o));
        }
        Outcome otherId = call(s, alice, false, new RstRequest.QueryTokenStatus("63", List.of()), Optional.of(token));
        assertEquals(HResult.E_INVALIDARG.signed(), errorCode(otherId));
        Outcome notNumber =
                call(s, alice, false, new RstRequest.QueryTokenStatus("abc", List.of()), Optional.of(token));
        assertTrue(fault(notNumber).getMessage().startsWith("CES0308 "));
        assertEquals(before, fake.retrieved.size());
    }

    @Test
    void deniedWhileQueriedIsTheDenialFault() throws Exception {
        String token = pendingToken(service(ActingMode.ENROLLMENT_AGENT));
        fake.retrieve = (ca, id) -> new EnrollmentResult.Denied(id, 0x80094014, "no", ca);
        Outcome o = call(
                service(ActingMode.ENROLLMENT_AGENT),
                LabPolicy.alice(AuthMode.KERBEROS),
                false,
                new RstRequest.QueryTokenStatus("62", List.of()),
                Optional.of(token));
        assertEquals(0x80094014, errorCode(o));
    }

    private String pendingToken(EnrollmentService service) throws Exception {
        fake.submit = r -> new EnrollmentResult.Pending(62, "", LabPolicy.CA);
        Outcome o = call(service, LabPolicy.alice(AuthMode.KERBEROS), false, issue(csr("LabPendAll")));
        RstResponse.Pending p = (RstResponse.Pending) ((Outcome.Answer) o).response();
        return p.reference().getQuery().substring("pending=".length());
    }

    @Test
    void unreachableCaOrExhaustedPoolOrMisconfigurationIsTransient() throws Exception {
        List<CaException> transients = List.of(
                new CaException(CaException.Kind.UNREACHABLE, "no CA answered", null),
                new CaException(CaException.Kind.CONFIGURATION, "no keytab", null),
                new CaException(CaException.Kind.OTHER, "pool", new ResourceException("IJ000453: Unable to get")),
                new CaException(CaException.Kind.AUTHENTICATION, "svc-ces refused", null));
        for (CaException e : transients) {
            reset();
            fake.submit = r -> {
                throw e;
            };
            Outcome o = call(
                    service(ActingMode.ENROLLMENT_AGENT),
                    LabPolicy.alice(AuthMode.KERBEROS),
                    false,
                    issue(csr("User")));
            assertInstanceOf(Outcome.Transient.class, o, e.getMessage());
            assertEquals(Disposition.TRANSIENT, onlyAudit().disposition());
        }
    }

    @Test
    void refusedImpersonationOrAnotherCaFailureIsFinal() throws Exception {
        fake.submit = r -> {
            throw new CaException(CaException.Kind.AUTHENTICATION, "S4U refused for alice", null);
        };
        Outcome o =
                call(service(ActingMode.IMPERSONATION), LabPolicy.alice(AuthMode.KERBEROS), false, issue(csr("User")));
        assertEquals(HResult.E_FAIL.signed(), errorCode(o));
        assertFalse(fault(o).detail().orElseThrow().invalidRequest().orElseThrow());
        reset();
        fake.submit = r -> {
            throw new CaException("the CA answered with fault 0x6f7");
        };
        assertInstanceOf(
                Outcome.Fault.class,
                call(
                        service(ActingMode.ENROLLMENT_AGENT),
                        LabPolicy.alice(AuthMode.KERBEROS),
                        false,
                        issue(csr("User"))));
    }

    @Test
    void directoryDownIsTransientAndNothingReachesTheCa() {
        Outcome o = service(ActingMode.ENROLLMENT_AGENT)
                .handle(
                        new EnrollmentCall(
                                LabPolicy.alice(AuthMode.KERBEROS),
                                false,
                                issue(new byte[] {0x30, 0}),
                                ENDPOINT,
                                Optional.empty(),
                                "c"),
                        () -> {
                            throw new PolicyUnavailableException("no read yet");
                        });
        assertInstanceOf(Outcome.Transient.class, o);
        assertFalse(fake.reached());
    }

    @Test
    void ketIsAClearNotSupportedFault() {
        Outcome o = call(
                service(ActingMode.ENROLLMENT_AGENT),
                LabPolicy.alice(AuthMode.KERBEROS),
                false,
                new RstRequest.Ket(List.of()));
        assertEquals(HResult.ERROR_NOT_SUPPORTED.signed(), errorCode(o));
        assertTrue(fault(o).reason().contains("not supported"), fault(o).reason());
    }

    // ---- renewal and key-based renewal ----

    private static X509Certificate oldCertificate(String template, KeyPair oldKey, Instant notAfter) throws Exception {
        return TestPki.issue(
                ca,
                caKey,
                "WEB01",
                oldKey.getPublic(),
                NOW.minus(Duration.ofDays(300)),
                notAfter,
                TestPki.templateName(template));
    }

    private static byte[] renewal(X509Certificate old, KeyPair signer, String... templates) throws Exception {
        return TestPki.renewalCms(TestPki.rsa(0), old, signer, templates);
    }

    @Test
    void renewalGoesAsItIsAndIsChecked() throws Exception {
        KeyPair oldKey = TestPki.rsa(3);
        X509Certificate old = oldCertificate("LabUserV2", oldKey, NOW.plus(Duration.ofDays(30)));
        fake.submit = r -> issuedResult(40);
        Outcome o = call(
                service(ActingMode.IMPERSONATION),
                LabPolicy.alice(AuthMode.KERBEROS),
                false,
                issue(renewal(old, oldKey)));
        assertInstanceOf(Outcome.Answer.class, o);
        assertEquals(List.of("alice@LAB.EXAMPLE"), fake.connectedAs);
        assertFalse(fake.submitted.get(0).isOnBehalfOf());
        assertEquals(RequestFormat.CMS, fake.submitted.get(0).format());
        assertEquals("LabUserV2", fake.submitted.get(0).attributes().get("CertificateTemplate"));
    }

    /**
     * Sent plainly as the connector's account, the lab CA issued alice's renewal to svc-ces (seen on
     * run.sh): the renewal goes unsigned by the agent, with CR_IN_ROBO, so the CA issues to the old
     * certificate's subject ([MS-WCCE] 3.2.2.6.2.1.2.4).
     */
    @Test
    void renewalInEnrollmentAgentModeGoesAsARenewalOnBehalfOfTheOldSubject() throws Exception {
        KeyPair oldKey = TestPki.rsa(3);
        X509Certificate old = oldCertificate("LabUserV2", oldKey, NOW.plus(Duration.ofDays(30)));
        fake.submit = r -> issuedResult(41);
        Outcome o = call(
                service(ActingMode.ENROLLMENT_AGENT),
                LabPolicy.alice(AuthMode.KERBEROS),
                false,
                issue(renewal(old, oldKey)));
        assertInstanceOf(Outcome.Answer.class, o);
        assertEquals(1, fake.submitted.size());
        EnrollmentRequest sent = fake.submitted.get(0);
        assertTrue(sent.renewalOnBehalf());
        assertFalse(sent.isOnBehalfOf());
        assertEquals(RequestFormat.CMS, sent.format());
        assertEquals("LabUserV2", sent.attributes().get("CertificateTemplate"));
    }

    @Test
    void renewalWhereTheCaSeesTheCallerHasNoRenewalOnBehalfFlag() throws Exception {
        KeyPair oldKey = TestPki.rsa(3);
        X509Certificate old = oldCertificate("LabUserV2", oldKey, NOW.plus(Duration.ofDays(30)));
        fake.submit = r -> issuedResult(42);
        call(service(ActingMode.IMPERSONATION), LabPolicy.alice(AuthMode.KERBEROS), false, issue(renewal(old, oldKey)));
        assertFalse(fake.submitted.get(0).renewalOnBehalf());
    }

    @Test
    void renewalForAnotherTemplateIsRefused() throws Exception {
        KeyPair oldKey = TestPki.rsa(3);
        X509Certificate old = oldCertificate("LabUserV2", oldKey, NOW.plus(Duration.ofDays(30)));
        Outcome o = call(
                service(ActingMode.ENROLLMENT_AGENT),
                LabPolicy.alice(AuthMode.KERBEROS),
                false,
                issue(renewal(old, oldKey, "User")));
        assertEquals(HResult.CERTSRV_E_TEMPLATE_CONFLICT.signed(), errorCode(o));
        assertFalse(fake.reached());
    }

    private static CallerIdentity unmapped(X509Certificate tls) {
        return new CallerIdentity(AuthMode.CERTIFICATE, Optional.empty(), Optional.of(tls));
    }

    /**
     * A certificate holder that maps to no account is renewed as the connector's account, so the
     * renewal carries CR_IN_ROBO: the CA takes the signing key for the authentication
     * ([MS-WCCE] 3.2.2.6.2.1.2.4).
     */
    @Test
    void keyBasedRenewalByAnUnmappedCertificateHolderGoesAsARenewalOnBehalf() throws Exception {
        KeyPair oldKey = TestPki.rsa(3);
        X509Certificate old = oldCertificate("LabKeyBasedRenewal", oldKey, NOW.plus(Duration.ofDays(30)));
        fake.submit = r -> issuedResult(43);
        Outcome o = call(service(ActingMode.IMPERSONATION), unmapped(old), true, issue(renewal(old, oldKey)));
        assertInstanceOf(Outcome.Answer.class, o);
        assertEquals(1, fake.submitted.size());
        assertTrue(fake.submitted.get(0).renewalOnBehalf());
        assertFalse(fake.submitted.get(0).isOnBehalfOf());
        assertTrue(
                onlyAudit().line().contains("auth=Certificate/KeyBasedRenewal"),
                onlyAudit().line());
    }

    @Test
    void keyBasedRenewalSignedByAnotherCertificateThanTheTlsOneIsRefused() throws Exception {
        KeyPair oldKey = TestPki.rsa(3);
        X509Certificate old = oldCertificate("LabKeyBasedRenewal", oldKey, NOW.plus(Duration.ofDays(30)));
        Outcome o = call(service(ActingMode.ENROLLMENT_AGENT), unmapped(issued), true, issue(renewal(old, oldKey)));
        assertEquals(HResult.E_ACCESSDENIED.signed(), errorCode(o));
        assertTrue(fault(o).getMessage().startsWith("CES0216 "), fault(o).getMessage());
        assertFalse(fake.reached());
    }

    @Test
    void keyBasedRenewalOfATemplateThatDoesNotAllowItIsRefused() throws Exception {
        KeyPair oldKey = TestPki.rsa(3);
        X509Certificate old = oldCertificate("LabUserV2", oldKey, NOW.plus(Duration.ofDays(30)));
        Outcome o = call(service(ActingMode.ENROLLMENT_AGENT), unmapped(old), true, issue(renewal(old, oldKey)));
        assertTrue(fault(o).getMessage().startsWith("CES0217 "), fault(o).getMessage());
        assertFalse(fake.reached());
    }

    @Test
    void keyBasedRenewalOfAnExpiredOrForeignCertificateIsRefused() throws Exception {
        KeyPair oldKey = TestPki.rsa(3);
        X509Certificate expired = oldCertificate("LabKeyBasedRenewal", oldKey, NOW.minus(Duration.ofDays(8)));
        Outcome o =
                call(service(ActingMode.ENROLLMENT_AGENT), unmapped(expired), true, issue(renewal(expired, oldKey)));
        assertEquals(HResult.CERT_E_EXPIRED.signed(), errorCode(o));
        KeyPair foreignKey = TestPki.rsa(4);
        X509Certificate foreignCa = TestPki.ca(LabPolicy.CA, foreignKey);
        X509Certificate foreign = TestPki.issue(
                foreignCa,
                foreignKey,
                "WEB01",
                oldKey.getPublic(),
                NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)),
                TestPki.templateName("LabKeyBasedRenewal"));
        Outcome f =
                call(service(ActingMode.ENROLLMENT_AGENT), unmapped(foreign), true, issue(renewal(foreign, oldKey)));
        assertEquals(HResult.CERT_E_UNTRUSTEDROOT.signed(), errorCode(f));
        assertFalse(fake.reached());
    }

    @Test
    void keyBasedRenewalEndpointRefusesNewRequests() throws Exception {
        Outcome o =
                call(service(ActingMode.ENROLLMENT_AGENT), unmapped(issued), true, issue(csr("LabKeyBasedRenewal")));
        assertEquals(HResult.CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE.signed(), errorCode(o));
        assertTrue(fault(o).getMessage().startsWith("CES0218 "));
    }

    @Test
    void unmappedCallerOnAnOrdinaryEndpointIsRefused() throws Exception {
        Outcome o = call(service(ActingMode.ENROLLMENT_AGENT), unmapped(issued), false, issue(csr("User")));
        assertEquals(HResult.E_ACCESSDENIED.signed(), errorCode(o));
        assertFalse(fake.reached());
    }

    @Test
    void issuedWithoutChainFromTheCaGetsACertsOnlyPkcs7() throws Exception {
        fake.submit = r -> new EnrollmentResult.Issued(50, issuedDer, new byte[0], "", LabPolicy.CA);
        Outcome o = call(
                service(ActingMode.ENROLLMENT_AGENT), LabPolicy.alice(AuthMode.KERBEROS), false, issue(csr("User")));
        RstResponse.Issued answer =
                (RstResponse.Issued) assertInstanceOf(Outcome.Answer.class, o).response();
        assertTrue(answer.pkcs7().length > issued.getEncoded().length);
        assertEquals("Issued", answer.disposition());
    }

    @Test
    void windows11CertreqCmcIsSubmittedAsCmcOnceItNamesATemplate() {
        byte[] cmc = org.cews.ces.Fixtures.bytes("win11-certreq-cmc-request.der");
        Outcome none =
                call(service(ActingMode.ENROLLMENT_AGENT), LabPolicy.alice(AuthMode.KERBEROS), false, issue(cmc));
        assertEquals(HResult.CERTSRV_E_NO_CERT_TYPE.signed(), errorCode(none));
        fake.submit = r -> issuedResult(60);
        Outcome o = call(
                service(ActingMode.ENROLLMENT_AGENT),
                LabPolicy.alice(AuthMode.KERBEROS),
                false,
                issue(cmc, new ContextItem("CertificateTemplate", "User")));
        assertInstanceOf(Outcome.Answer.class, o);
        assertEquals(RequestFormat.CMC, fake.submitted.get(0).format());
        assertEquals("LAB\\alice", fake.submitted.get(0).onBehalfOf());
    }

    @Test
    void specificationExampleRequestForUserIsSubmittedAsPkcs10() {
        fake.submit = r -> issuedResult(61);
        Outcome o = call(
                service(ActingMode.IMPERSONATION),
                LabPolicy.alice(AuthMode.KERBEROS),
                false,
                issue(org.cews.ces.Fixtures.base64("standard_certificate_client_request.cms")));
        assertInstanceOf(Outcome.Answer.class, o);
        assertEquals(RequestFormat.PKCS10, fake.submitted.get(0).format());
        assertEquals("User", fake.submitted.get(0).attributes().get("CertificateTemplate"));
    }
}
