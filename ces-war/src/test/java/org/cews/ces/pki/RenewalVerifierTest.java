package org.cews.ces.pki;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.cews.ces.Fixtures;
import org.cews.ces.TestPki;
import org.cews.ces.wstep.HResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Renewal and key-based renewal: the specification's example, generated renewals and their forgeries. */
class RenewalVerifierTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final DerPrecheck DER = new DerPrecheck();
    private static final RequestSniffer SNIFFER = new RequestSniffer(DER);

    private static KeyPair caKey;
    private static KeyPair oldKey;
    private static KeyPair newKey;
    private static X509Certificate ca;
    private static X509Certificate old;

    @BeforeAll
    static void pki() throws Exception {
        caKey = TestPki.rsa(2);
        oldKey = TestPki.rsa(3);
        newKey = TestPki.rsa(0);
        ca = TestPki.ca("Lab-Issuing-CA", caKey);
        old = TestPki.issue(
                ca,
                caKey,
                "alice",
                oldKey.getPublic(),
                NOW.minus(Duration.ofDays(300)),
                NOW.plus(Duration.ofDays(65)),
                TestPki.templateName("LabUser"));
    }

    private static RenewalVerifier verifier(Instant now, X509Certificate... trusted) {
        return new RenewalVerifier(List.of(trusted), Duration.ofDays(7), Clock.fixed(now, ZoneOffset.UTC), DER);
    }

    /** A CMS renewal of {@code renewed}, signed by {@code signer}, carrying {@code attached}. */
    private static CertificateRequest renewal(X509Certificate renewed, KeyPair signer, List<X509Certificate> attached)
            throws Exception {
        var csr = TestPki.csr(newKey, newKey, List.of(TestPki.templateName("LabUser")), TestPki.renewalOf(renewed));
        return SNIFFER.sniff(TestPki.cms(csr, List.of(signer), attached));
    }

    @Test
    void specificationRenewalVerifiesAgainstItsIssuingCa() throws Exception {
        CMSSignedData response =
                new CMSSignedData(Fixtures.base64("standard_certificate_server_response_bst_outer.cms"));
        List<X509Certificate> chain = new ArrayList<>();
        for (X509CertificateHolder h : response.getCertificates().getMatches(null)) {
            chain.add(new JcaX509CertificateConverter().getCertificate(h));
        }
        CertificateRequest r = SNIFFER.sniff(Fixtures.base64("renewal_client_request.cms"));
        Renewal renewal = verifier(Instant.parse("2009-06-01T00:00:00Z"), chain.toArray(new X509Certificate[0]))
                .verify(r);
        assertEquals(Optional.of(new TemplateReference.ByName("User")), renewal.template());
        assertTrue(renewal.certificate().getSubjectX500Principal().getName().contains("CN=abby"));
        // a year after it expired, the 2009 certificate is no longer renewable
        InspectionException e = assertThrows(InspectionException.class, () -> verifier(
                        Instant.parse("2011-06-01T00:00:00Z"), chain.toArray(new X509Certificate[0]))
                .verify(r));
        assertEquals(HResult.CERT_E_EXPIRED, e.hresult());
    }

    @Test
    void generatedRenewalVerifies() throws Exception {
        Renewal renewal = verifier(NOW, ca).verify(renewal(old, oldKey, List.of(old)));
        assertEquals(old, renewal.certificate());
        assertDoesNotThrow(() -> RenewalVerifier.requireSameTemplate(renewal, "LabUser", Optional.empty()));
        assertDoesNotThrow(() -> RenewalVerifier.requireKeyBasedRenewal(renewal, old, true, "LabUser"));
    }

    @Test
    void signedWithAnotherKeyIsRefused() throws Exception {
        InspectionException e = assertThrows(
                InspectionException.class, () -> verifier(NOW, ca).verify(renewal(old, TestPki.rsa(1), List.of(old))));
        assertEquals(HResult.NTE_BAD_SIGNATURE, e.hresult());
        assertTrue(e.getMessage().startsWith("CES0212 "));
    }

    @Test
    void renewedCertificateMissingFromTheCmsIsRefused() throws Exception {
        InspectionException e = assertThrows(
                InspectionException.class, () -> verifier(NOW, ca).verify(renewal(old, oldKey, List.of())));
        assertEquals(HResult.CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE, e.hresult());
    }

    @Test
    void otherTemplateIsRefused() throws Exception {
        Renewal renewal = verifier(NOW, ca).verify(renewal(old, oldKey, List.of(old)));
        InspectionException e = assertThrows(
                InspectionException.class,
                () -> RenewalVerifier.requireSameTemplate(renewal, "Administrator", Optional.of("1.2.3")));
        assertEquals(HResult.CERTSRV_E_TEMPLATE_CONFLICT, e.hresult());
        assertTrue(e.getMessage().startsWith("CES0215 "));
    }

    @Test
    void expiredBeyondTheGraceIsRefusedWithinItAccepted() throws Exception {
        Instant expiry = old.getNotAfter().toInstant();
        assertDoesNotThrow(
                () -> verifier(expiry.plus(Duration.ofDays(6)), ca).verify(renewal(old, oldKey, List.of(old))));
        InspectionException e =
                assertThrows(InspectionException.class, () -> verifier(expiry.plus(Duration.ofDays(8)), ca)
                        .verify(renewal(old, oldKey, List.of(old))));
        assertEquals(HResult.CERT_E_EXPIRED, e.hresult());
    }

    @Test
    void certificateOfAForeignCaWithTheSameNameIsRefused() throws Exception {
        KeyPair foreignKey = TestPki.rsa(4);
        X509Certificate foreign = TestPki.ca("Lab-Issuing-CA", foreignKey);
        X509Certificate lookalike = TestPki.issue(
                foreign,
                foreignKey,
                "alice",
                oldKey.getPublic(),
                NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(100)),
                TestPki.templateName("LabUser"));
        InspectionException e = assertThrows(InspectionException.class, () -> verifier(NOW, ca)
                .verify(renewal(lookalike, oldKey, List.of(lookalike))));
        assertEquals(HResult.CERT_E_UNTRUSTEDROOT, e.hresult());
    }

    @Test
    void keyBasedRenewalNeedsTheTlsCertificateAsSigner() throws Exception {
        Renewal renewal = verifier(NOW, ca).verify(renewal(old, oldKey, List.of(old)));
        X509Certificate other = TestPki.issue(
                ca, caKey, "alice", oldKey.getPublic(), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(9)));
        InspectionException e = assertThrows(
                InspectionException.class,
                () -> RenewalVerifier.requireKeyBasedRenewal(renewal, other, true, "LabUser"));
        assertEquals(HResult.E_ACCESSDENIED, e.hresult());
        assertTrue(e.getMessage().startsWith("CES0216 "));
    }

    @Test
    void keyBasedRenewalNeedsATemplateThatAllowsIt() throws Exception {
        Renewal renewal = verifier(NOW, ca).verify(renewal(old, oldKey, List.of(old)));
        InspectionException e = assertThrows(
                InspectionException.class,
                () -> RenewalVerifier.requireKeyBasedRenewal(renewal, old, false, "LabUser"));
        assertTrue(e.getMessage().startsWith("CES0217 "));
    }

    @Test
    void aBarePkcs10WithTheRenewalAttributeIsANewRequest() throws Exception {
        var csr = TestPki.csr(newKey, newKey, List.of(), TestPki.renewalOf(old));
        assertEquals(Optional.empty(), RenewalVerifier.renewalCertificate(SNIFFER.sniff(csr.getEncoded("DER"))));
    }

    @Test
    void certsOnlyPkcs7CarriesTheChain() throws Exception {
        byte[] p7 = CertsOnlyPkcs7.of(List.of(old.getEncoded(), ca.getEncoded()));
        CMSSignedData cms = new CMSSignedData(p7);
        assertEquals(2, cms.getCertificates().getMatches(null).size());
        assertEquals(0, cms.getSignerInfos().size());
    }
}
