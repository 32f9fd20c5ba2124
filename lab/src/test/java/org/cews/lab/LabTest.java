package org.cews.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.cews.lab.rpc.LabRpcClientAccess;
import org.cews.wcce.msicpr.Disposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole lab: starts every part on loopback, says where in its status file, stops and frees every port. */
class LabTest {

    @TempDir
    Path state;

    @Test
    void startsEverythingWritesTheStatusFileAndStopsCleanly() throws Exception {
        FakeLabCa ca = new FakeLabCa();
        Lab lab = Lab.start(LabConfig.ephemeral(state), FakeLabCa.factory(ca));
        Properties status;
        LabStatus s = lab.status();
        try {
            status = LabStatus.read(state.resolve(LabStatus.FILE));
            assertEquals("running", status.getProperty("state"));
            assertEquals(String.valueOf(s.ldapPort()), status.getProperty("ldap.port"));
            assertEquals(String.valueOf(s.kdcPort()), status.getProperty("kdc.port"));
            assertEquals(String.valueOf(s.epmPort()), status.getProperty("epm.port"));
            assertEquals(String.valueOf(s.icprPort()), status.getProperty("icpr.port"));
            assertEquals(String.valueOf(s.officerPort()), status.getProperty("officer.port"));
            assertEquals("LAB.EXAMPLE", status.getProperty("kerberos.realm"));
            assertEquals("Lab-Issuing-CA", status.getProperty("ca.name"));
            assertEquals("HTTP/localhost@LAB.EXAMPLE", status.getProperty("kerberos.httpPrincipal"));
            assertEquals("host/ca.lab.example@LAB.EXAMPLE", status.getProperty("kerberos.caPrincipal"));
            for (String file : new String[] {
                "kerberos.krb5Conf", "kerberos.httpKeytab", "kerberos.caKeytab", "ca.certificate", "accounts.file"
            }) {
                assertTrue(Files.isRegularFile(Path.of(status.getProperty(file))), file);
            }
            assertArrayEquals(
                    ca.certificate().getEncoded(), Files.readAllBytes(Path.of(status.getProperty("ca.certificate"))));

            // each part answers
            LabAccounts.User svc = LabAccounts.load().requireUser("svc-cep");
            try (LDAPConnection ldap = new LDAPConnection("127.0.0.1", s.ldapPort(), svc.dn(), svc.password())) {
                assertTrue(ldap.getRootDSE().hasAttribute("configurationNamingContext"));
            }
            assertEquals(s.icprPort(), LabRpcClientAccess.icprPort(s.epmPort()));

            // a pended request, approved with the officer command found through the status file
            assertEquals(
                    Disposition.UNDER_SUBMISSION,
                    LabRpcClientAccess.submitAsAlice(s.epmPort(), "CertificateTemplate:LabPendAll"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            String id = String.valueOf(ca.pending().get(0).requestId());
            assertEquals(0, Officer.run(new String[] {"--state=" + state, "approve", id}, print, print));
            assertEquals(1, ca.decisions.size());
        } finally {
            lab.stop();
        }
        lab.stop(); // twice is harmless
        assertEquals("stopped", LabStatus.read(state.resolve(LabStatus.FILE)).getProperty("state"));
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int port : new int[] {s.ldapPort(), s.kdcPort(), s.epmPort(), s.icprPort(), s.officerPort()}) {
            try (ServerSocket again = new ServerSocket(port, 1, loopback)) {
                assertEquals(port, again.getLocalPort());
            }
        }
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, s.kdcPort()))) {
            assertEquals(s.kdcPort(), udp.getLocalPort());
        }
    }

    @Test
    void aCaThatFailsToStartTakesDownWhatAlreadyRuns() throws Exception {
        int ldapPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ldapPort = probe.getLocalPort();
        }
        LabConfig config = new LabConfig(state, ldapPort, 0, 0, 0, 0, java.util.Optional.empty());
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Lab.start(config, context -> {
                    throw new IllegalStateException("no CA today");
                }));
        assertEquals("no CA today", e.getMessage());
        try (ServerSocket again = new ServerSocket(ldapPort, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(ldapPort, again.getLocalPort());
        }
    }
}
