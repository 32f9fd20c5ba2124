package org.cews.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import javax.security.auth.Subject;
import org.cews.lab.directory.EmbeddedDirectory;
import org.cews.lab.kdc.EmbeddedKdc;
import org.cews.lab.rpc.LabRpcClientAccess;
import org.cews.policy.ldap.BindMethod;
import org.cews.policy.ldap.DirectoryConfig;
import org.cews.policy.ldap.LdapServer;
import org.cews.policy.ldap.TransportSecurity;
import org.cews.wcce.kerberos.KerberosClientContext;
import org.cews.wcce.kerberos.ServiceTicket;
import org.cews.wcce.kerberos.crypto.RandomSource;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab CA inside a realm it does not run. The "realm" here is the lab's own KDC and directory,
 * started apart, as a Samba DC would be (the Samba run is it/SambaImpersonationEnrollmentIT): the
 * CA reads the directory it is pointed at as the account it is given, accepts Kerberos with the
 * keys of the keytab it is given and names the ticket's client to the CA engine, and refuses NTLM.
 */
class RealmLabTest {

    static final LabAccounts ACCOUNTS = LabAccounts.load();

    @TempDir
    static Path realmDir;

    static EmbeddedDirectory directory;
    static EmbeddedKdc kdc;

    @BeforeAll
    static void startTheRealm() throws Exception {
        directory = EmbeddedDirectory.start(0, ACCOUNTS);
        kdc = EmbeddedKdc.start(0, realmDir, ACCOUNTS);
    }

    @AfterAll
    static void stopTheRealm() {
        kdc.close();
        directory.close();
    }

    static RealmConfig realm(Path passwordFile) {
        LabAccounts.User reader = ACCOUNTS.requireUser("svc-cep");
        return RealmConfig.split(
                        "--realm=LAB.EXAMPLE",
                        "--ca-keytab=" + kdc.caKeytab(),
                        "--ca-principal=" + LabRealm.CA_SPN,
                        "--directory=ldap://127.0.0.1:" + directory.port(),
                        "--bind=simple",
                        "--bind-dn=" + reader.dn(),
                        "--bind-password-file=" + passwordFile)
                .realm()
                .orElseThrow();
    }

    @Test
    void acceptsKerberosFromTheRealmNamesTheTicketsClientAndRefusesNtlm(@TempDir Path state) throws Exception {
        Path password = Files.writeString(
                state.resolve("bind-password"), ACCOUNTS.requireUser("svc-cep").password() + "\n");
        FakeLabCa ca = new FakeLabCa();
        AtomicReference<LabCaContext> given = new AtomicReference<>();
        RealmLab lab = RealmLab.start(
                LabConfig.ephemeral(state.resolve("lab")),
                realm(password),
                context -> {
                    given.set(context);
                    return ca;
                },
                Clock.systemUTC());
        RealmLabStatus s = lab.status();
        try {
            DirectoryConfig read = given.get().directoryConfig();
            assertEquals(List.of(new LdapServer("127.0.0.1", directory.port())), read.servers());
            assertEquals(TransportSecurity.NONE, read.security());
            assertEquals(
                    new BindMethod.Simple(
                            ACCOUNTS.requireUser("svc-cep").dn(),
                            ACCOUNTS.requireUser("svc-cep").password().toCharArray()),
                    read.bind(),
                    "the password is the file's first line");
            assertEquals(List.of(), given.get().accounts().users(), "the lab knows none of the realm's accounts");

            Properties status = LabStatus.read(state.resolve("lab").resolve(LabStatus.FILE));
            assertEquals("running", status.getProperty("state"));
            assertEquals("realm", status.getProperty("mode"));
            assertEquals("LAB.EXAMPLE", status.getProperty("kerberos.realm"));
            assertEquals("host/ca.lab.example@LAB.EXAMPLE", status.getProperty("kerberos.caPrincipal"));
            assertEquals(String.valueOf(s.epmPort()), status.getProperty("epm.port"));
            assertEquals("ldap://127.0.0.1:" + directory.port(), status.getProperty("ldap.url"));
            assertEquals("simple as " + ACCOUNTS.requireUser("svc-cep").dn(), status.getProperty("ldap.bind"));
            assertFalse(status.containsKey("kdc.port"), "no KDC of its own");
            assertArrayEquals(
                    ca.certificate().getEncoded(), Files.readAllBytes(Path.of(status.getProperty("ca.certificate"))));

            LabAccounts.User alice = ACCOUNTS.requireUser("alice");
            Subject login = JdkKerberos.login(kdc.krb5Conf(), alice.samAccountName(), alice.password());
            String caPrincipal = LabRealm.principal(LabRealm.CA_SPN);
            JdkKerberos.initiate(login, caPrincipal);
            ServiceTicket ticket = ServiceTicket.from(JdkKerberos.serviceTicket(login, caPrincipal));
            assertEquals(
                    Disposition.ISSUED,
                    LabRpcClientAccess.submit(
                            s.epmPort(),
                            new KerberosClientContext(ticket, RandomSource.secure(), Clock.systemUTC()),
                            "CertificateTemplate:User"));
            assertEquals(
                    new RpcPrincipal("alice", "LAB.EXAMPLE"), ca.calls.get(0).caller());

            Exception ntlm = assertThrows(
                    Exception.class,
                    () -> LabRpcClientAccess.submit(
                            s.epmPort(), LabRpcClientAccess.ntlm("alice", alice.password()), ""));
            assertEquals(1, ca.calls.size(), "no call after the NTLM bind: " + ntlm);
        } finally {
            lab.stop();
        }
        lab.stop();
        assertEquals(
                "stopped",
                LabStatus.read(state.resolve("lab").resolve(LabStatus.FILE)).getProperty("state"));
        InetAddress loopback = InetAddress.getByName(LabRealm.LOOPBACK);
        for (int port : new int[] {s.epmPort(), s.icprPort(), s.officerPort()}) {
            try (ServerSocket again = new ServerSocket(port, 1, loopback)) {
                assertEquals(port, again.getLocalPort());
            }
        }
    }

    /**
     * GSSAPI as the CA with its own keytab, over LDAPS to the DC by name at an address: what the CA
     * is handed (the bind itself is SambaImpersonationEnrollmentIT's, against a Samba DC).
     */
    @Test
    void theCaIsHandedTheGssapiBindWithItsOwnKeytab(@TempDir Path state) throws Exception {
        Path caPem = Files.writeString(state.resolve("dc-ca.pem"), RealmConfigTest.pem(new FakeLabCa().certificate()));
        RealmConfig gssapi = RealmConfig.split(
                        "--realm=LAB.EXAMPLE",
                        "--ca-keytab=" + kdc.caKeytab(),
                        "--ca-principal=" + LabRealm.CA_SPN,
                        "--directory=ldaps://dc1.lab.example:636",
                        "--directory-address=127.0.0.1",
                        "--directory-ca=" + caPem)
                .realm()
                .orElseThrow();
        AtomicReference<LabCaContext> given = new AtomicReference<>();
        try (RealmLab lab = RealmLab.start(
                LabConfig.ephemeral(state.resolve("lab")),
                gssapi,
                context -> {
                    given.set(context);
                    return new FakeLabCa();
                },
                Clock.systemUTC())) {
            DirectoryConfig read = given.get().directoryConfig();
            assertEquals(new BindMethod.GssapiKeytab(LabRealm.principal(LabRealm.CA_SPN), kdc.caKeytab()), read.bind());
            assertEquals(List.of(new LdapServer("dc1.lab.example", 636).at("127.0.0.1")), read.servers());
            assertEquals(TransportSecurity.LDAPS, read.security());
            Properties status = LabStatus.read(state.resolve("lab").resolve(LabStatus.FILE));
            assertEquals("ldaps://dc1.lab.example:636", status.getProperty("ldap.url"));
            assertEquals("127.0.0.1", status.getProperty("ldap.address"));
            assertEquals("GSSAPI as host/ca.lab.example@LAB.EXAMPLE", status.getProperty("ldap.bind"));
            assertFalse(status.containsKey("ldap.bindDn"));
        }
    }

    @Test
    void aKeytabWithoutTheCasKeysStopsTheStartAndLeavesNothingRunning(@TempDir Path state) throws Exception {
        Path password = Files.writeString(state.resolve("bind-password"), "x");
        RealmConfig wrongKeytab = RealmConfig.split(
                        "--realm=LAB.EXAMPLE",
                        "--ca-keytab=" + kdc.httpKeytab(),
                        "--ca-principal=" + LabRealm.CA_SPN,
                        "--directory=ldap://127.0.0.1:" + directory.port(),
                        "--bind=simple",
                        "--bind-dn=CN=x",
                        "--bind-password-file=" + password)
                .realm()
                .orElseThrow();
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> RealmLab.start(
                        LabConfig.ephemeral(state.resolve("lab")),
                        wrongKeytab,
                        context -> {
                            throw new AssertionError("no CA before the keys");
                        },
                        Clock.systemUTC()));
        assertTrue(e.getMessage().contains("expected: keys of host/ca.lab.example@LAB.EXAMPLE"), e.getMessage());
        assertFalse(Files.exists(state.resolve("lab").resolve(LabStatus.FILE)));
    }
}
