package org.cews.lab.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.security.auth.Subject;
import org.cews.lab.FakeLabCa;
import org.cews.lab.JdkKerberos;
import org.cews.lab.LabAccounts;
import org.cews.lab.LabRealm;
import org.cews.lab.kdc.EmbeddedKdc;
import org.cews.wcce.kerberos.KerberosClientContext;
import org.cews.wcce.kerberos.ServiceTicket;
import org.cews.wcce.kerberos.SpnegoClientContext;
import org.cews.wcce.kerberos.crypto.RandomSource;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msrpce.RpcClientAssociation;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kerberos packet privacy end to end on loopback: the JDK gets alice a ticket for
 * host/ca.lab.example from the lab KDC, the connector's Kerberos client binds with it (auth_type
 * 16, and 9 in SPNEGO), and the CA's acceptor, keyed from ca.keytab, names her to the CA.
 */
class KerberosRpcTest {

    static final LabAccounts ACCOUNTS = LabAccounts.load();
    static final String CA_PRINCIPAL = LabRealm.principal(LabRealm.CA_SPN);

    @TempDir
    static Path state;

    static EmbeddedKdc kdc;
    static FakeLabCa ca = new FakeLabCa();
    static CaRpcServer server;
    static Subject alice;

    @BeforeAll
    static void start() throws Exception {
        kdc = EmbeddedKdc.start(0, state, ACCOUNTS);
        server = CaRpcServer.start(
                ca,
                new LabSecurity(
                        ACCOUNTS.ntlm(), Optional.of(kdc.caServiceKeys()), new SecureRandom(), Clock.systemUTC()),
                0,
                0);
        LabAccounts.User user = ACCOUNTS.requireUser("alice");
        alice = JdkKerberos.login(kdc.krb5Conf(), user.samAccountName(), user.password());
        JdkKerberos.initiate(alice, CA_PRINCIPAL);
    }

    @AfterAll
    static void stop() {
        server.close();
        kdc.close();
    }

    @BeforeEach
    void clear() {
        ca.calls.clear();
    }

    static KerberosClientContext kerberos() throws Exception {
        ServiceTicket ticket = ServiceTicket.from(JdkKerberos.serviceTicket(alice, CA_PRINCIPAL));
        return new KerberosClientContext(ticket, RandomSource.secure(), Clock.systemUTC());
    }

    @Test
    void kerberosAuthType16() throws Exception {
        int port = LabRpcClient.icprPort(server.epmPort());
        try (RpcClientAssociation icpr = LabRpcClient.bind(port, kerberos())) {
            assertEquals(
                    Disposition.ISSUED,
                    LabRpcClient.submit(icpr, "CertificateTemplate:User").disposition());
            assertEquals(
                    Disposition.ISSUED,
                    LabRpcClient.submit(icpr, "CertificateTemplate:User").disposition());
        }
        assertEquals(2, ca.calls.size());
        assertEquals(new RpcPrincipal("alice", "LAB.EXAMPLE"), ca.calls.get(0).caller());
    }

    @Test
    void spnegoAuthType9() throws Exception {
        try (RpcClientAssociation icpr = LabRpcClient.bind(server.icprPort(), new SpnegoClientContext(kerberos()))) {
            assertEquals(Disposition.ISSUED, LabRpcClient.submit(icpr, "").disposition());
        }
        assertEquals(new RpcPrincipal("alice", "LAB.EXAMPLE"), ca.calls.get(0).caller());
    }

    @Test
    void aTicketForAnotherServiceIsRefused() throws Exception {
        String http = LabRealm.principal(LabRealm.HTTP_SPN);
        JdkKerberos.initiate(alice, http);
        ServiceTicket wrong = ServiceTicket.from(JdkKerberos.serviceTicket(alice, http));
        Exception e = assertThrows(Exception.class, () -> {
            try (RpcClientAssociation icpr = LabRpcClient.bind(
                    server.icprPort(), new KerberosClientContext(wrong, RandomSource.secure(), Clock.systemUTC()))) {
                LabRpcClient.submit(icpr, "");
            }
        });
        assertEquals(List.of(), ca.calls, e.toString());
    }
}
