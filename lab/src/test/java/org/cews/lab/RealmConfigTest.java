package org.cews.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.cews.policy.ldap.BindMethod;
import org.cews.policy.ldap.DirectoryConfig;
import org.cews.policy.ldap.LdapServer;
import org.cews.policy.ldap.TransportSecurity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The realm options: the four needed ones all or none, each once, the bind's own consistent, checked before anything starts. */
class RealmConfigTest {

    static final List<String> ALL = List.of(
            "--realm=LAB.EXAMPLE",
            "--ca-keytab=/tmp/ca.keytab",
            "--ca-principal=host/ca.lab.example",
            "--directory=ldap://dc1.lab.example:389");

    static final List<String> SIMPLE = List.of(
            "--realm=LAB.EXAMPLE",
            "--ca-keytab=/tmp/ca.keytab",
            "--ca-principal=host/ca.lab.example",
            "--directory=ldaps://dc1.lab.example",
            "--bind=simple",
            "--bind-dn=CN=svc-cep,CN=Users,DC=lab,DC=example",
            "--bind-password-file=/tmp/pw");

    static String[] with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void takesTheRealmOptionsAndLeavesTheLabsOwnBindingWithTheCasKeytabByDefault() throws Exception {
        RealmConfig.Split split = RealmConfig.split(with(ALL, "--epm-port=0", "--state=/tmp/s"));
        assertArrayEquals(new String[] {"--epm-port=0", "--state=/tmp/s"}, split.labArgs());
        RealmConfig realm = split.realm().orElseThrow();
        assertEquals("host/ca.lab.example@LAB.EXAMPLE", realm.caPrincipal(), "the realm is appended");
        assertEquals("ca.lab.example", realm.caHost());
        assertEquals(new LdapServer("dc1.lab.example", 389), realm.directory());
        assertEquals(TransportSecurity.NONE, realm.security());
        assertEquals(Path.of("/tmp/ca.keytab"), realm.caKeytab());
        assertEquals("ldap://dc1.lab.example:389", realm.directoryUrl());
        assertEquals(new RealmConfig.Bind.Gssapi(Optional.empty()), realm.bind());
        assertEquals("GSSAPI as host/ca.lab.example@LAB.EXAMPLE", realm.bindDescription());

        DirectoryConfig read = realm.directoryConfig();
        assertEquals(
                new BindMethod.GssapiKeytab("host/ca.lab.example@LAB.EXAMPLE", Path.of("/tmp/ca.keytab")),
                read.bind(),
                "the CA's own principal and keytab, nothing else to give");
        assertEquals(TransportSecurity.NONE, read.security(), "plain LDAP, sealed by the GSSAPI layer");
        assertEquals(List.of(new LdapServer("dc1.lab.example", 389)), read.servers());
    }

    @Test
    void theDcIsNamedForKerberosAndReachedAtItsAddressOverLdapsWithItsCa(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), pem(new FakeLabCa().certificate()));
        Path krb5 = dir.resolve("krb5.conf");
        RealmConfig realm = RealmConfig.split(
                        "--realm=LAB.EXAMPLE",
                        "--ca-keytab=/tmp/ca.keytab",
                        "--ca-principal=host/ca.lab.example@LAB.EXAMPLE",
                        "--directory=ldaps://dc1.lab.example",
                        "--directory-address=127.0.0.1",
                        "--directory-ca=" + ca,
                        "--bind=gssapi",
                        "--krb5-conf=" + krb5)
                .realm()
                .orElseThrow();
        assertEquals(new LdapServer("dc1.lab.example", 636).at("127.0.0.1"), realm.directory(), "636 by default");
        assertEquals(TransportSecurity.LDAPS, realm.security());
        assertEquals(Optional.of(krb5), realm.krb5Conf());
        assertEquals("ldaps://dc1.lab.example:636", realm.directoryUrl());
        DirectoryConfig read = realm.directoryConfig();
        assertEquals(TransportSecurity.LDAPS, read.security());
        assertEquals(List.of(new LdapServer("dc1.lab.example", 636).at("127.0.0.1")), read.servers());
        assertNotNull(read.sslContext(), "trusting the CA file, not the JVM's store");
        assertTrue(read.verifyHostname());
    }

    @Test
    void theGssapiBindMayLogInAsTheCasAccount() throws Exception {
        RealmConfig realm =
                RealmConfig.split(with(ALL, "--bind-principal=CA$")).realm().orElseThrow();
        assertEquals(
                new RealmConfig.Bind.Gssapi(Optional.of("CA$@LAB.EXAMPLE")), realm.bind(), "the realm is appended");
        assertEquals("GSSAPI as CA$@LAB.EXAMPLE", realm.bindDescription());
        assertEquals(
                new BindMethod.GssapiKeytab("CA$@LAB.EXAMPLE", Path.of("/tmp/ca.keytab")),
                realm.directoryConfig().bind(),
                "keys from the CA's keytab");
    }

    @Test
    void aSimpleBindReadsItsPasswordFileAtStart(@TempDir Path dir) throws Exception {
        Path password = Files.writeString(dir.resolve("pw"), "Secret-1\nignored\n");
        RealmConfig realm = RealmConfig.split(with(SIMPLE.subList(0, 6), "--bind-password-file=" + password))
                .realm()
                .orElseThrow();
        assertEquals(new RealmConfig.Bind.Simple("CN=svc-cep,CN=Users,DC=lab,DC=example", password), realm.bind());
        assertEquals("simple as CN=svc-cep,CN=Users,DC=lab,DC=example", realm.bindDescription());
        DirectoryConfig read = realm.directoryConfig();
        assertEquals(
                new BindMethod.Simple("CN=svc-cep,CN=Users,DC=lab,DC=example", "Secret-1".toCharArray()), read.bind());
        assertEquals(TransportSecurity.LDAPS, read.security());
        assertNull(read.sslContext(), "no --directory-ca: the JVM's trust store");

        Files.writeString(password, "");
        IOException empty = assertThrows(IOException.class, realm::directoryConfig);
        assertEquals("--bind-password-file " + password + " (expected: a password, actual: empty)", empty.getMessage());
    }

    @Test
    void aMissingCaFileStopsTheStart(@TempDir Path dir) {
        Path missing = dir.resolve("none.pem");
        RealmConfig realm = RealmConfig.split(with(
                        List.of(ALL.get(0), ALL.get(1), ALL.get(2)),
                        "--directory=ldaps://dc1.lab.example:636",
                        "--directory-ca=" + missing))
                .realm()
                .orElseThrow();
        IOException e = assertThrows(IOException.class, realm::directoryConfig);
        assertEquals("--directory-ca " + missing + " (expected: a readable PEM file, actual: none)", e.getMessage());
    }

    @Test
    void withoutThemTheLabRunsItsOwnRealm() {
        RealmConfig.Split split = RealmConfig.split("--epm-port=0");
        assertEquals(Optional.empty(), split.realm());
        assertArrayEquals(new String[] {"--epm-port=0"}, split.labArgs());
    }

    @Test
    void someWithoutTheOthersAreRefusedNamingWhatIsMissing() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> RealmConfig.split("--realm=LAB.EXAMPLE", "--ca-keytab=/tmp/k"));
        assertEquals("running inside a realm needs [--ca-principal, --directory] too", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RealmConfig.split("--bind=gssapi"));
        assertEquals(
                "running inside a realm needs [--realm, --ca-keytab, --ca-principal, --directory] too",
                e.getMessage(),
                "a bind option alone is a realm option too");
    }

    @Test
    void badValuesAreRefused() {
        assertEquals(
                "--directory (expected: ldap://host:port or ldaps://host:port, actual: http://dc1:80)",
                refused(ALL, "--directory=http://dc1:80"));
        assertEquals(
                "--ca-principal (expected: a principal of LAB.EXAMPLE, actual: host/ca@OTHER.EXAMPLE)",
                refused(ALL, "--ca-principal=host/ca@OTHER.EXAMPLE"));
        assertEquals(
                "--realm (expected: an upper-case realm name, actual: lab.example)",
                refused(ALL, "--realm=lab.example"));
        assertEquals(
                "--realm given twice",
                assertThrows(IllegalArgumentException.class, () -> RealmConfig.split(with(ALL, "--realm=LAB.EXAMPLE")))
                        .getMessage());
        assertEquals(
                "--directory (expected: a port in 1..65535, actual: 99999)",
                refused(ALL, "--directory=ldap://dc1.lab.example:99999"));
        assertEquals(
                "--directory-address (expected: an IP address, actual: dc1)", refused(ALL, "--directory-address=dc1"));
    }

    @Test
    void bindOptionsThatDoNotFitTogetherAreRefused() {
        assertEquals("--bind (expected: gssapi or simple, actual: kerberos)", refused(ALL, "--bind=kerberos"));
        assertEquals(
                "--bind-dn and --bind-password-file (expected: with --bind=simple, actual: --bind=gssapi)",
                refused(ALL, "--bind-dn=CN=svc-cep,CN=Users,DC=lab,DC=example"));
        assertEquals(
                "--bind=simple needs --bind-dn and --bind-password-file", refused(SIMPLE, "--bind-password-file="));
        assertEquals(
                "--bind=gssapi (expected: the DC by its DNS name in --directory, Kerberos knows no ldap/127.0.0.1;"
                        + " give its address with --directory-address, actual: 127.0.0.1)",
                refused(ALL, "--directory=ldap://127.0.0.1:389"));
        assertEquals(
                "--directory-ca (expected: with an ldaps:// --directory, actual: ldap://dc1.lab.example:389)",
                refused(ALL, "--directory-ca=/tmp/ca.pem"));
        assertEquals(
                "--bind-principal (expected: a principal of LAB.EXAMPLE, actual: CA$@OTHER.EXAMPLE)",
                refused(ALL, "--bind-principal=CA$@OTHER.EXAMPLE"));
        assertEquals(
                "--bind-principal (expected: with --bind=gssapi, actual: --bind=simple)",
                refused(SIMPLE, "--bind-principal=CA$"));
        assertEquals(
                "--krb5-conf (expected: with --bind=gssapi, actual: --bind=simple)",
                refused(SIMPLE, "--krb5-conf=/etc/krb5.conf"));
    }

    static String pem(X509Certificate certificate) throws CertificateEncodingException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** {@code options} with the option named by {@code replacement} replaced (or added). */
    private static String refused(List<String> options, String replacement) {
        String name = replacement.substring(0, replacement.indexOf('=') + 1);
        List<String> args = new ArrayList<>(
                options.stream().filter(a -> !a.startsWith(name)).toList());
        args.add(replacement);
        return assertThrows(IllegalArgumentException.class, () -> RealmConfig.split(args.toArray(String[]::new)))
                .getMessage();
    }
}
