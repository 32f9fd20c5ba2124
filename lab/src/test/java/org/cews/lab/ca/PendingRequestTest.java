package org.cews.lab.ca;

import static org.cews.lab.ca.Calls.issued;
import static org.cews.lab.ca.Calls.retrieve;
import static org.cews.lab.ca.Calls.submit;
import static org.cews.lab.ca.LabCaFixture.ADMINISTRATOR;
import static org.cews.lab.ca.LabCaFixture.ALICE;
import static org.cews.lab.ca.LabCaFixture.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.bouncycastle.cert.X509CertificateHolder;
import org.cews.policy.fixtures.LabForest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.HResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CT_FLAG_PEND_ALL_REQUESTS ([MS-WCCE] 3.2.2.6.2.1.4.5.6), officer approval and denial, and status
 * inspection (3.2.1.4.2.1.3): who may look, and what each row state answers.
 */
class PendingRequestTest {

    static final String PEND_ALL_OID = LabForest.FOREST_OID + ".11372818.4139912";

    @TempDir
    static Path state;

    static LabCaFixture lab;
    static EnterpriseLabCa ca;

    @BeforeAll
    static void start() throws Exception {
        lab = LabCaFixture.start();
        ca = lab.openCa(state);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static CertServerRequestResponse pendAsAlice() throws Exception {
        byte[] der = Csr.of(TestKeys.rsa("alice", 2048))
                .subject("CN=alice pending")
                .templateOid(PEND_ALL_OID, 100, 2)
                .der();
        CertServerRequestResponse r = ca.process(submit("", der), ALICE);
        assertEquals(Disposition.UNDER_SUBMISSION, r.disposition(), r.dispositionMessage());
        assertEquals(HResult.S_OK, r.returnValue());
        assertEquals("Taken Under Submission", r.dispositionMessage());
        assertEquals(0, r.encodedCert().length());
        assertEquals(0, r.cert().length());
        return r;
    }

    @Test
    void labPendAllPendsAndApprovalIssuesOnRetrieval() throws Exception {
        int id = pendAsAlice().requestId();
        assertTrue(ca.pending().stream()
                .anyMatch(p -> p.requestId() == id && p.template().equals("LabPendAll")));
        CertServerRequestResponse stillPending = ca.process(retrieve(id), ALICE);
        assertEquals(Disposition.UNDER_SUBMISSION, stillPending.disposition());
        assertEquals(id, stillPending.requestId());

        assertTrue(ca.approve(id, "LAB\\Administrator"));
        assertFalse(ca.approve(id, "LAB\\Administrator"), "only a pending request can be approved");
        assertTrue(ca.pending().stream().noneMatch(p -> p.requestId() == id));

        CertServerRequestResponse r = ca.process(retrieve(id), ALICE);
        X509CertificateHolder cert = issued(r);
        assertEquals(id, r.requestId());
        assertEquals("CN=alice pending", cert.getSubject().toString());
        assertEquals("Resubmitted by LAB\\Administrator", r.dispositionMessage());
        assertTrue(r.cert().length() > r.encodedCert().length(), "the chain comes with it");
    }

    @Test
    void anOfficersDenialIsDeniedWithAdminDeniedOnRetrieval() throws Exception {
        int id = pendAsAlice().requestId();
        assertTrue(ca.deny(id, "LAB\\Administrator"));
        assertFalse(ca.approve(id, "LAB\\Administrator"));
        CertServerRequestResponse r = ca.process(retrieve(id), ALICE);
        assertEquals(Disposition.DENIED, r.disposition());
        assertEquals(HResult.CERTSRV_E_ADMIN_DENIED_REQUEST, r.returnValue());
        assertEquals("Denied by LAB\\Administrator", r.dispositionMessage());
        assertEquals(0, r.encodedCert().length());
    }

    @Test
    void anUnknownRequestIdIsPropertyEmpty() {
        CertServerRequestResponse r = ca.process(retrieve(999_999), ALICE);
        assertEquals(HResult.CERTSRV_E_PROPERTY_EMPTY, r.returnValue());
        assertEquals(Disposition.INCOMPLETE, r.disposition());
    }

    @Test
    void requestIdZeroIsInvalidArg() {
        assertEquals(HResult.E_INVALIDARG, ca.process(retrieve(0), ALICE).returnValue());
    }

    @Test
    void onlyTheRequesterOrAnOfficerMayRetrieve() throws Exception {
        int id = pendAsAlice().requestId();
        CertServerRequestResponse bob = ca.process(retrieve(id), BOB);
        assertEquals(HResult.E_ACCESSDENIED, bob.returnValue());
        CertServerRequestResponse admin = ca.process(retrieve(id), ADMINISTRATOR);
        assertEquals(Disposition.UNDER_SUBMISSION, admin.disposition(), "Domain Admins are officers in the fixture");
    }

    @Test
    void aPolicyDenialIsDeniedWithItsOwnCodeOnRetrieval() throws Exception {
        byte[] der = Csr.of(TestKeys.rsa("alice", 2048)).template("LabRetired").der();
        int id = ca.process(submit("", der), ALICE).requestId();
        CertServerRequestResponse r = ca.process(retrieve(id), ALICE);
        assertEquals(Disposition.DENIED, r.disposition());
        assertEquals(HResult.CERTSRV_E_UNSUPPORTED_CERT_TYPE, r.returnValue());
    }

    @Test
    void aFailedRequestGivesItsHresultAsDispositionOnRetrieval() {
        int id = ca.process(submit("", new byte[] {0x30, 0x00}), ALICE).requestId();
        CertServerRequestResponse r = ca.process(retrieve(id), ALICE);
        assertTrue(r.disposition().asHResult().isFailure(), r.disposition().toString());
        assertEquals(HResult.S_OK, r.returnValue());
    }
}
