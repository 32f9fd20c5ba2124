package org.cews.lab.ca;

import static org.cews.lab.ca.Calls.submit;
import static org.cews.lab.ca.LabCaFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.cews.lab.directory.LabAccount;
import org.cews.lab.directory.LabDirectory;
import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory that is down, and the audit trail: the CA answers, logs once, and never throws. */
class RobustnessTest {

    /** A directory whose every read fails, as when no domain controller answers. */
    static final LabDirectory DOWN = new LabDirectory() {
        @Override
        public PolicySnapshot policy() throws DirectoryException {
            throw new DirectoryException("no domain controller usable");
        }

        @Override
        public Optional<LabAccount> account(RpcPrincipal caller) throws DirectoryException {
            throw new DirectoryException("no domain controller usable");
        }

        @Override
        public Optional<LabAccount> account(org.cews.policy.acl.Sid sid) throws DirectoryException {
            throw new DirectoryException("no domain controller usable");
        }
    };

    static EnterpriseLabCa caOver(LabDirectory directory, Path state) throws Exception {
        return EnterpriseLabCa.open(
                LabCaConfig.builder(LabCaFixture.CA, state)
                        .keyAlgorithm(CaKeyAlgorithm.EC_P256)
                        .clock(LabCaFixture.CLOCK)
                        .build(),
                directory);
    }

    @Test
    void aDirectoryThatIsDownFailsTheRequestAndTheLookup(@TempDir Path state) throws Exception {
        EnterpriseLabCa ca = caOver(DOWN, state);
        byte[] der = Csr.of(TestKeys.rsa("alice", 2048)).template("User").der();
        CertServerRequestResponse r = ca.process(submit("", der), ALICE);
        Calls.refused(r, CertSrvErrors.ERROR_DS_SERVER_DOWN);
        assertEquals(HResult.S_OK, r.returnValue());
        assertEquals(
                CertSrvErrors.ERROR_DS_SERVER_DOWN,
                ca.process(Calls.retrieve(r.requestId()), ALICE).returnValue());
    }

    @Test
    void everyDecisionIsOneAuditLine(@TempDir Path state) throws Exception {
        List<LogRecord> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger audit = Logger.getLogger("org.cews.lab.ca.audit");
        audit.addHandler(capture);
        try (LabCaFixture lab = LabCaFixture.start()) {
            EnterpriseLabCa ca = lab.openCa(state);
            byte[] der =
                    Csr.of(TestKeys.rsa("alice", 2048)).template("WebServer").der();
            int id = ca.process(submit("", der), LabCaFixture.CAROL).requestId();
            assertEquals(1, lines.size());
            String line = lines.get(0).getMessage();
            assertTrue(line.contains("request=" + id), line);
            assertTrue(line.contains("event=submit"), line);
            assertTrue(line.contains("caller=LAB\\carol"), line);
            assertTrue(line.contains("template=WebServer"), line);
            assertTrue(line.contains("hresult=CERTSRV_E_TEMPLATE_DENIED (0x80094012)"), line);
        } finally {
            audit.removeHandler(capture);
        }
    }
}
