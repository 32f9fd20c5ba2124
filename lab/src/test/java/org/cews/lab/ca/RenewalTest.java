package org.cews.lab.ca;

import static org.cews.lab.ca.Calls.issued;
import static org.cews.lab.ca.Calls.refused;
import static org.cews.lab.ca.Calls.submit;
import static org.cews.lab.ca.LabCaFixture.ALICE;
import static org.cews.lab.ca.LabCaFixture.BOB;
import static org.cews.lab.ca.LabCaFixture.CAROL;
import static org.cews.lab.ca.LabCaFixture.WEB01;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.cews.lab.ca.Envelopes.Signer;
import org.cews.policy.fixtures.LabForest;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.msicpr.RequestFlag;
import org.cews.wcce.msicpr.RequestFlags;
import org.cews.wcce.msicpr.RequestType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renewal ([MS-WCCE] 3.2.1.4.2.1.4.2.1, 3.2.2.6.2.1.2.3) and key-based renewal ([MS-CRTD] 2.26,
 * [MS-WCCE] 3.2.2.6.2.1.4.8): a CMS signed with the old certificate's key, for the old
 * certificate's template, from this CA.
 */
class RenewalTest {

    static final String USER_V2_OID = LabForest.FOREST_OID + ".9862511.15203466";
    static final String KBR_OID = LabForest.FOREST_OID + ".3177924.6738241";

    @TempDir
    static Path state;

    static LabCaFixture lab;
    static EnterpriseLabCa ca;
    static KeyPair oldKey = TestKeys.rsa("alice-old", 2048);
    static X509CertificateHolder oldCert;
    static X509CertificateHolder userCert;

    @BeforeAll
    static void start() throws Exception {
        lab = LabCaFixture.start();
        ca = lab.openCa(state);
        oldCert = issued(ca.process(
                submit("", Csr.of(oldKey).templateOid(USER_V2_OID, 100, 3).der()), ALICE));
        userCert = issued(ca.process(
                submit("", Csr.of(TestKeys.rsa("alice", 2048)).template("User").der()), ALICE));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static byte[] renewalOf(X509CertificateHolder old, String templateOid, long minor) throws Exception {
        return Csr.of(TestKeys.rsa("alice-new", 2048))
                .templateOid(templateOid, 100, minor)
                .renewal(old)
                .der();
    }

    @Test
    void aRenewalSignedWithTheOldKeyIsIssued() throws Exception {
        byte[] cms = Envelopes.cms(
                renewalOf(oldCert, USER_V2_OID, 3), List.of(Signer.of(oldCert, oldKey.getPrivate())), List.of(oldCert));
        X509CertificateHolder renewed = issued(ca.process(submit("", cms), ALICE));
        assertEquals(oldCert.getSubject(), renewed.getSubject());
        assertNotEquals(oldCert.getSerialNumber(), renewed.getSerialNumber());
        assertNotEquals(oldCert.getSubjectPublicKeyInfo(), renewed.getSubjectPublicKeyInfo(), "a new key");
    }

    @Test
    void aRenewalSignedWithAnotherKeyIsBadSignature() throws Exception {
        byte[] cms = Envelopes.cms(
                renewalOf(oldCert, USER_V2_OID, 3),
                List.of(Signer.of(oldCert, TestKeys.rsa("thief", 2048).getPrivate())),
                List.of(oldCert));
        refused(ca.process(submit("", cms), ALICE), CertSrvErrors.NTE_BAD_SIGNATURE);
    }

    @Test
    void aRenewalSignedByAnotherCertificateIsBadRenewalCertAttribute() throws Exception {
        byte[] cms = Envelopes.cms(
                renewalOf(oldCert, USER_V2_OID, 3),
                List.of(Signer.of(userCert, TestKeys.rsa("alice", 2048).getPrivate())),
                List.of(userCert));
        refused(ca.process(submit("", cms), ALICE), CertSrvErrors.CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE);
    }

    @Test
    void aRenewalForAnotherTemplateIsRefused() throws Exception {
        byte[] cms = Envelopes.cms(
                renewalOf(userCert, USER_V2_OID, 3),
                List.of(Signer.of(userCert, TestKeys.rsa("alice", 2048).getPrivate())),
                List.of(userCert));
        refused(ca.process(submit("", cms), ALICE), HResult.CERTSRV_E_TEMPLATE_CONFLICT);
    }

    @Test
    void aRenewalOfAForeignCertificateIsUntrusted() throws Exception {
        KeyPair key = TestKeys.rsa("foreign", 2048);
        X509CertificateHolder foreign = ForeignCertificates.selfSigned(key, "CN=alice", KeyPurposeId.id_kp_clientAuth);
        byte[] cms = Envelopes.cms(
                renewalOf(foreign, USER_V2_OID, 3), List.of(Signer.of(foreign, key.getPrivate())), List.of(foreign));
        refused(ca.process(submit("", cms), ALICE), CertSrvErrors.CERT_E_UNTRUSTEDROOT);
    }

    static final RequestFlags ROBO = RequestFlags.of(RequestType.PKCS7, RequestFlag.ROBO_RENEWAL);

    static byte[] aliceRenewal() throws Exception {
        return Envelopes.cms(
                renewalOf(oldCert, USER_V2_OID, 3), List.of(Signer.of(oldCert, oldKey.getPrivate())), List.of(oldCert));
    }

    /**
     * Before CR_IN_ROBO existed here, the lab issued alice's renewal, sent by carol (who may enroll
     * on LabUserV2), to carol. bob may not enroll, and is refused for the subject all the same.
     */
    @Test
    void aRenewalByAnotherCallerWithoutTheFlagIsRefused() throws Exception {
        refused(ca.process(submit("", aliceRenewal()), CAROL), CertSrvErrors.CERTSRV_E_BAD_RENEWAL_SUBJECT);
        refused(ca.process(submit("", aliceRenewal()), BOB), CertSrvErrors.CERTSRV_E_BAD_RENEWAL_SUBJECT);
    }

    /**
     * [MS-WCCE] 3.2.2.6.2.1.2.4: bob (who may not enroll on LabUserV2) sends alice's renewal with
     * CR_IN_ROBO; the signature authenticates it, and alice gets it: her subject and SID.
     */
    @Test
    void aRenewalOnBehalfOfTheOldSubjectIsIssuedToThatSubject() throws Exception {
        X509CertificateHolder renewed = issued(ca.process(submit(ROBO, "", aliceRenewal()), BOB));
        assertEquals(oldCert.getSubject(), renewed.getSubject());
        assertEquals(
                oldCert.getExtension(MsOids.NTDS_CA_SECURITY_EXT).getExtnValue(),
                renewed.getExtension(MsOids.NTDS_CA_SECURITY_EXT).getExtnValue(),
                "alice's SID, not bob's");
        assertEquals(
                GeneralNames.fromExtensions(oldCert.getExtensions(), Extension.subjectAlternativeName),
                GeneralNames.fromExtensions(renewed.getExtensions(), Extension.subjectAlternativeName));
    }

    @Test
    void aRenewalOnBehalfSignedWithAnotherKeyIsBadSignature() throws Exception {
        byte[] cms = Envelopes.cms(
                renewalOf(oldCert, USER_V2_OID, 3),
                List.of(Signer.of(oldCert, TestKeys.rsa("thief", 2048).getPrivate())),
                List.of(oldCert));
        refused(ca.process(submit(ROBO, "", cms), BOB), CertSrvErrors.NTE_BAD_SIGNATURE);
    }

    @Test
    void theFlagOnARequestThatIsNoRenewalIsRefused() throws Exception {
        byte[] pkcs10 = Csr.of(TestKeys.rsa("alice-new", 2048))
                .templateOid(USER_V2_OID, 100, 3)
                .der();
        refused(
                ca.process(submit(RequestFlags.of(RequestType.PKCS10, RequestFlag.ROBO_RENEWAL), "", pkcs10), BOB),
                CertSrvErrors.CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE);
    }

    @Test
    void aRenewalOnBehalfOfAForeignCertificateIsUntrusted() throws Exception {
        KeyPair key = TestKeys.rsa("foreign", 2048);
        X509CertificateHolder foreign = ForeignCertificates.selfSigned(key, "CN=alice", KeyPurposeId.id_kp_clientAuth);
        byte[] cms = Envelopes.cms(
                renewalOf(foreign, USER_V2_OID, 3), List.of(Signer.of(foreign, key.getPrivate())), List.of(foreign));
        refused(ca.process(submit(ROBO, "", cms), BOB), CertSrvErrors.CERT_E_UNTRUSTEDROOT);
    }

    /** WEB01$ enrolls for LabKeyBasedRenewal with the RA signature of its Machine certificate. */
    static X509CertificateHolder keyBasedCertificate(KeyPair kbrKey) throws Exception {
        return keyBasedCertificate(ca, kbrKey);
    }

    static X509CertificateHolder keyBasedCertificate(EnterpriseLabCa ca, KeyPair kbrKey) throws Exception {
        KeyPair machineKey = TestKeys.rsa("web01", 2048);
        X509CertificateHolder machine = issued(
                ca.process(submit("", Csr.of(machineKey).template("Machine").der()), WEB01));
        byte[] pkcs10 = Csr.of(kbrKey)
                .subject("CN=web01.lab.example")
                .dnsName("web01.lab.example")
                .templateOid(KBR_OID, 100, 4)
                .der();
        refused(ca.process(submit("", pkcs10), WEB01), CertSrvErrors.CERTSRV_E_SIGNATURE_POLICY_REQUIRED);
        byte[] cms = Envelopes.cms(pkcs10, List.of(Signer.of(machine, machineKey.getPrivate())), List.of(machine));
        return issued(ca.process(submit("", cms), WEB01));
    }

    @Test
    void keyBasedRenewalIssuesToACallerWithoutEnroll() throws Exception {
        KeyPair kbrKey = TestKeys.rsa("web01-kbr", 2048);
        X509CertificateHolder kbr = keyBasedCertificate(kbrKey);
        byte[] cms = keyBasedRenewal(kbr, kbrKey);
        X509CertificateHolder renewed = issued(ca.process(submit("", cms), CAROL));
        assertEquals("CN=web01.lab.example", renewed.getSubject().toString());
        assertEquals(
                GeneralNames.fromExtensions(kbr.getExtensions(), Extension.subjectAlternativeName),
                GeneralNames.fromExtensions(renewed.getExtensions(), Extension.subjectAlternativeName),
                "the old SAN carries over (the renewal request has none)");
    }

    /** A renewal of WEB01$'s LabKeyBasedRenewal certificate, same subject, new key. */
    static byte[] keyBasedRenewal() throws Exception {
        KeyPair kbrKey = TestKeys.rsa("web01-kbr", 2048);
        return keyBasedRenewal(keyBasedCertificate(kbrKey), kbrKey);
    }

    static byte[] keyBasedRenewal(X509CertificateHolder kbr, KeyPair kbrKey) throws Exception {
        byte[] pkcs10 = Csr.of(TestKeys.rsa("web01-kbr-2", 2048))
                .subject("CN=web01.lab.example")
                .templateOid(KBR_OID, 100, 4)
                .renewal(kbr)
                .der();
        return Envelopes.cms(pkcs10, List.of(Signer.of(kbr, kbrKey.getPrivate())), List.of(kbr));
    }

    /** The CES's way for a certificate holder with no account: CR_IN_ROBO, the signature authenticates. */
    @Test
    void keyBasedRenewalOnBehalfIssues() throws Exception {
        X509CertificateHolder renewed = issued(ca.process(submit(ROBO, "", keyBasedRenewal()), CAROL));
        assertEquals("CN=web01.lab.example", renewed.getSubject().toString());
    }

    /**
     * [MS-WCCE] 3.2.2.6.2.1.2.4: the end entity of a certificate that names no account (an
     * enrollee-supplied subject) is the one this CA issued it to; after the CA lost that record it
     * cannot identify it, and "MUST return a nonzero error", even for a key-based renewal.
     */
    @Test
    void aRenewalOnBehalfOfACertificateTheCaHasNoRecordOfIsRefused() throws Exception {
        Path dir = Files.createTempDirectory(state, "forgetful");
        KeyPair kbrKey = TestKeys.rsa("web01-kbr", 2048);
        X509CertificateHolder kbr;
        try (EnterpriseLabCa first = lab.openCa(dir)) {
            kbr = keyBasedCertificate(first, kbrKey);
            issued(first.process(submit(ROBO, "", keyBasedRenewal(kbr, kbrKey)), CAROL));
        }
        try (var rows = Files.newDirectoryStream(dir.resolve("requests"), "*.request")) {
            for (Path row : rows) {
                Files.delete(row);
            }
        }
        try (EnterpriseLabCa forgetful = lab.openCa(dir)) {
            refused(
                    forgetful.process(submit(ROBO, "", keyBasedRenewal(kbr, kbrKey)), CAROL),
                    CertSrvErrors.CERTSRV_E_BAD_RENEWAL_SUBJECT);
        }
    }

    @Test
    void keyBasedRenewalWithAnotherSubjectFallsBackToTheSignatureRules() throws Exception {
        KeyPair kbrKey = TestKeys.rsa("web01-kbr", 2048);
        X509CertificateHolder kbr = keyBasedCertificate(kbrKey);
        byte[] pkcs10 = Csr.of(TestKeys.rsa("web01-kbr-2", 2048))
                .subject("CN=someone-else.lab.example")
                .templateOid(KBR_OID, 100, 4)
                .renewal(kbr)
                .der();
        byte[] cms = Envelopes.cms(pkcs10, List.of(Signer.of(kbr, kbrKey.getPrivate())), List.of(kbr));
        refused(ca.process(submit("", cms), CAROL), CertSrvErrors.CERTSRV_E_SIGNATURE_POLICY_REQUIRED);
    }
}
