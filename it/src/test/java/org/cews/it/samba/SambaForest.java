package org.cews.it.samba;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.cews.it.WildFlyInstance;
import org.cews.lab.LabAccounts;
import org.cews.policy.fixtures.LabForest;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The lab forest on real AD, provisioned once per run and shared by every test class that needs
 * it (docs/TESTBED.md §2.5): a Samba AD DC with the lab forest's realm, domain SID and LDIF ({@link
 * SambaLabDc}, in {@code target/samba-forest}), set up as a forest serving cews would be (svc-ces
 * holds {@code HTTP/localhost} and {@code HTTP/ces.lab.example} and may delegate to the CA's
 * service with protocol transition; the CA's host is a computer account CA$; the lab users have
 * their lab passwords); the lab CA inside that realm ({@code lab.sh start --realm}, Samba's keys
 * and directory, {@code target/lab-forest}); and, when a test first asks for it, one WildFly with
 * the EAR and the probe ({@code target/server-forest}, port offset {@value #WILDFLY_OFFSET}) whose
 * every setting points at Samba: its JVM's krb5.conf, the HTTP keytab exported from Samba, the
 * directory (plain LDAP sealed by a GSSAPI bind as svc-cep with Samba's keytab), and the CES
 * in impersonation mode through the connector as svc-ces ({@code src/test/cli/it-samba.cli}).
 *
 * <p>The run's other DC ({@link SambaDomainController}'s TEST.EXAMPLE) needs the same ports: each
 * stops the other when it is asked for, and whichever runs when the run ends is stopped then, by
 * PID, with the lab and WildFly. While a class that uses this extension runs, the test JVM's
 * Kerberos configuration is Samba's (the realm has the lab KDC's name, LAB.EXAMPLE).
 */
final class SambaForest {

    static final String REALM = SambaLabDc.REALM;
    static final String CES = SambaLabDc.SVC_CES;
    static final String CES_PASSWORD = "Ces-S4u-Samba-1";
    static final String CA_SPN = "host/ca.lab.example";
    static final String CA_ACCOUNT_DN = "CN=CA,CN=Computers," + LabForest.DOMAIN_DN;
    static final String CA_ACCOUNT_PASSWORD = "Ca-Host-Samba-1";
    /** A RID no fixture account holds: CA$ is added with it, not from Samba's RID pool (see below). */
    static final int CA_ACCOUNT_RID = 1200;
    /** WildFly's SPNEGO principal: clients ask for {@code HTTP/<host in the URL>}, here localhost. */
    static final String HTTP_SPN = "HTTP/localhost";

    static final int WILDFLY_OFFSET = 200;

    private final SambaLabDc samba;
    private final Path labState;
    private final Properties lab;
    private WildFlyInstance wildfly;
    private RuntimeException wildflyFailure;

    private SambaForest(SambaLabDc samba, Path labState, Properties lab) {
        this.samba = samba;
        this.labState = labState;
        this.lab = lab;
    }

    /**
     * Gives test classes the run's forest (as a parameter of {@code @BeforeAll}, {@code @Test}...),
     * starting it when the first class asks; points the JVM's Kerberos configuration at Samba's KDC
     * for the class and restores it afterwards.
     */
    static final class Extension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

        private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(Extension.class);

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            SambaDomainController.requireSamba();
            SambaForest forest = shared(context);
            String previous = System.getProperty("java.security.krb5.conf");
            context.getStore(HERE).put("krb5", previous == null ? "" : previous);
            System.setProperty("java.security.krb5.conf", forest.krb5Conf().toString());
        }

        @Override
        public void afterAll(ExtensionContext context) {
            String previous = context.getStore(HERE).remove("krb5", String.class);
            if (previous == null || previous.isEmpty()) {
                System.clearProperty("java.security.krb5.conf");
            } else {
                System.setProperty("java.security.krb5.conf", previous);
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SambaForest.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return shared(context);
        }

        private static SambaForest shared(ExtensionContext context) {
            SambaDomainController.stopShared(context); // the TEST.EXAMPLE DC holds the ports
            return RunShared.get(context, SambaForest.class, SambaForest::startOrFail, SambaForest::close);
        }
    }

    /** Stops the run's forest if it runs, so that the TEST.EXAMPLE DC can take the ports. */
    static void stopShared(ExtensionContext context) {
        RunShared.stop(context, SambaForest.class);
    }

    private static SambaForest startOrFail() {
        try {
            return start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Samba forest: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Samba forest", e);
        }
    }

    private static SambaForest start() throws IOException, InterruptedException {
        Path target = Path.of("target").toAbsolutePath();
        long began = System.nanoTime();
        SambaLabDc samba = SambaLabDc.start(target.resolve("samba-forest"), SambaForest::prepare);
        try {
            samba.controller().awaitPort(88, Duration.ofSeconds(60));
            Path labState = target.resolve("lab-forest");
            Properties lab = startLab(samba.controller(), labState);
            System.out.printf(
                    "SambaForest: DC provisioned, loaded and started, lab CA in its realm, in %d s%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
            return new SambaForest(samba, labState, lab);
        } catch (IOException | InterruptedException | RuntimeException e) {
            samba.close();
            throw e;
        }
    }

    /**
     * The accounts of a forest serving cews, on sam.ldb before samba starts (docs/KERBEROS-S4U.md
     * §1 for the delegation): the lab users and WEB01$ get their lab passwords (Kerberos and
     * UsernameToken callers log in with them; with pwdLastSet 0 Samba's KDC also refuses S4U2Self
     * for them: KDC_ERR_KEY_EXPIRED); svc-ces gets a password, AES keys, the SPNs
     * {@code HTTP/ces.lab.example} and {@value #HTTP_SPN} (WildFly's SPNEGO identity: as on AD CS,
     * the CES's service account holds the web server's SPN and the delegation), "trusted to
     * authenticate for delegation" and the CA's SPN in msDS-AllowedToDelegateTo; the CA's host is
     * a computer account CA$ holding {@code host/ca.lab.example} with AES keys. CA$ is added with
     * ldbadd and a fixed SID: the fixtures took RIDs 1104-1111 behind the back of Samba's RID
     * allocator, which would hand them out again. Then the keytabs: svc-ces, HTTP/localhost, the
     * CA (its SPN and CA$).
     */
    static void prepare(SambaDomainController dc) throws IOException, InterruptedException {
        String sam = dc.localDatabase().get(1);
        LabAccounts accounts = LabAccounts.load();
        // What samba-tool spn add, delegation for-any-protocol and delegation add-service write,
        // in one ldbmodify: the SPNs, TRUSTED_TO_AUTH_FOR_DELEGATION (0x1000000) on the fixture's
        // userAccountControl (0x10200), the CA's SPN in msDS-AllowedToDelegateTo; and AES keys only.
        Path ces = Files.writeString(
                dc.dir().resolve("ces-account.ldif"),
                String.join(
                        "\n",
                        "dn: CN=" + CES + ",CN=Users," + LabForest.DOMAIN_DN,
                        "changetype: modify",
                        "replace: msDS-SupportedEncryptionTypes",
                        "msDS-SupportedEncryptionTypes: 24",
                        "-",
                        "add: servicePrincipalName",
                        "servicePrincipalName: HTTP/ces.lab.example",
                        "servicePrincipalName: " + HTTP_SPN,
                        "-",
                        "replace: userAccountControl",
                        "userAccountControl: " + (0x10200 | 0x1000000),
                        "-",
                        "add: msDS-AllowedToDelegateTo",
                        "msDS-AllowedToDelegateTo: " + CA_SPN,
                        "",
                        ""));
        dc.run("ces account", List.of("ldbmodify", "-H", sam, ces.toString()));

        Path caAccount = Files.writeString(
                dc.dir().resolve("ca-account.ldif"),
                String.join(
                        "\n",
                        "dn: " + CA_ACCOUNT_DN,
                        "objectClass: top",
                        "objectClass: person",
                        "objectClass: organizationalPerson",
                        "objectClass: user",
                        "objectClass: computer",
                        "sAMAccountName: CA$",
                        "userAccountControl: 4096",
                        "dNSHostName: ca.lab.example",
                        "servicePrincipalName: " + CA_SPN,
                        "servicePrincipalName: HOST/CA",
                        "msDS-SupportedEncryptionTypes: 24",
                        "objectSid: " + LabForest.DOMAIN_SID.withRid(CA_ACCOUNT_RID),
                        "",
                        ""));
        dc.run("ca account", List.of("ldbadd", "--relax", "-H", sam, caAccount.toString()));
        // Every password in one ldbmodify (a samba-tool call costs about a second of Python start).
        Map<String, String> passwords = new LinkedHashMap<>();
        for (LabAccounts.User user : accounts.users()) {
            if (!user.samAccountName().startsWith("svc-")) { // SambaLabDc set svc-cep's and exported its keytab
                passwords.put(user.dn(), user.password());
            }
        }
        passwords.put("CN=" + CES + ",CN=Users," + LabForest.DOMAIN_DN, CES_PASSWORD);
        passwords.put(CA_ACCOUNT_DN, CA_ACCOUNT_PASSWORD);
        dc.run(
                "passwords",
                List.of("ldbmodify", "-H", sam, passwordsLdif(dc, passwords).toString()));

        exportKeytab(dc, "ces", CES + "@" + REALM);
        exportKeytab(dc, "http", HTTP_SPN + "@" + REALM);
        exportKeytab(dc, "ca", CA_SPN + "@" + REALM);
        // The CA's account keys too, in the same file (exportkeytab adds): the lab binds to LDAP as
        // CA$, since Samba's KDC does not log in a client named host/ca.lab.example.
        dc.run(
                "export ca account keys",
                List.of(
                        "samba-tool",
                        "domain",
                        "exportkeytab",
                        dc.dir().resolve("ca.keytab").toString(),
                        "--principal=CA$@" + REALM,
                        "-s",
                        dc.localDatabase().get(3)));
    }

    /**
     * An LDIF that sets each account's password as samba-tool does: unicodePwd, the password in
     * double quotes, UTF-16LE ([MS-ADTS] 3.1.1.3.1.5.1); Samba's password_hash module makes the keys.
     */
    private static Path passwordsLdif(SambaDomainController dc, Map<String, String> passwords) throws IOException {
        StringBuilder ldif = new StringBuilder();
        passwords.forEach((dn, password) -> ldif.append("dn: ")
                .append(dn)
                .append("\nchangetype: modify\nreplace: unicodePwd\nunicodePwd:: ")
                .append(Base64.getEncoder()
                        .encodeToString(("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE)))
                .append("\n-\n\n"));
        return Files.writeString(dc.dir().resolve("passwords.ldif"), ldif);
    }

    private static void exportKeytab(SambaDomainController dc, String name, String principal)
            throws IOException, InterruptedException {
        Path file = dc.dir().resolve(name + ".keytab");
        Files.deleteIfExists(file); // exportkeytab adds to an existing file
        dc.run(
                "export " + name + " keytab",
                List.of(
                        "samba-tool",
                        "domain",
                        "exportkeytab",
                        file.toString(),
                        "--principal=" + principal,
                        "-s",
                        dc.localDatabase().get(3)));
    }

    /** lab/lab.sh start in realm mode, on ephemeral ports; returns its status file. */
    private static Properties startLab(SambaDomainController dc, Path state) throws IOException, InterruptedException {
        SambaDomainController.deleteRecursively(state);
        Files.createDirectories(state);
        labSh(
                "start",
                "--state=" + state,
                "--realm=" + REALM,
                "--ca-keytab=" + dc.dir().resolve("ca.keytab"),
                "--ca-principal=" + CA_SPN,
                "--directory=ldap://" + SambaLabDc.NAME + ":389",
                "--directory-address=" + SambaDomainController.HOST,
                "--bind=gssapi",
                "--bind-principal=CA$",
                "--krb5-conf=" + dc.krb5Conf(),
                "--epm-port=0",
                "--icpr-port=0",
                "--officer-port=0");
        Properties status = new Properties();
        try (InputStream in = Files.newInputStream(state.resolve("lab-status.properties"))) {
            status.load(in);
        }
        assertEquals("realm", status.getProperty("mode"), "the lab runs inside the Samba realm");
        return status;
    }

    private static void labSh(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "bash",
                Path.of(System.getProperty("cews.deploy.dir"), "..", "lab", "lab.sh")
                        .normalize()
                        .toString()));
        command.addAll(List.of(arguments));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("lab.sh " + arguments[0] + " failed:\n" + out);
        }
    }

    /** The DC, its database and audit log. */
    SambaLabDc samba() {
        return samba;
    }

    SambaDomainController dc() {
        return samba.controller();
    }

    Path krb5Conf() throws IOException {
        return samba.krb5Conf();
    }

    Path keytab(String name) {
        return dc().dir().resolve(name + ".keytab");
    }

    /** The lab CA's status file (lab-status.properties): ca.name, ports, ldap.bind... */
    Properties lab() {
        return lab;
    }

    String caName() {
        return lab.getProperty("ca.name");
    }

    String labLog() throws IOException {
        return Files.readString(labState.resolve("lab.log"), StandardCharsets.UTF_8);
    }

    /**
     * The WildFly of the forest, started at the first call (about half a minute): the EAR and the
     * probe WAR, {@code it-samba.cli} applied. A failed start is remembered, not retried.
     */
    synchronized WildFlyInstance wildfly() {
        if (wildflyFailure != null) {
            throw wildflyFailure;
        }
        if (wildfly == null) {
            try {
                long began = System.nanoTime();
                Path target = Path.of("target").toAbsolutePath();
                wildfly = WildFlyInstance.start(
                        target.resolve("server-forest"),
                        WILDFLY_OFFSET,
                        Path.of("src/test/cli/it-samba.cli"),
                        Map.of(
                                "samba.krb5.conf", krb5Conf().toString(),
                                "samba.http.keytab", keytab("http").toString(),
                                "samba.http.principal", HTTP_SPN + "@" + REALM,
                                "samba.directory.keytab", samba.svcCepKeytab().toString(),
                                "samba.ca.name", caName(),
                                "samba.epm.port", lab.getProperty("epm.port"),
                                "samba.ces.keytab", keytab("ces").toString(),
                                "samba.https.port", Integer.toString(8443 + WILDFLY_OFFSET)));
                System.out.printf(
                        "SambaForest: WildFly against Samba started in %d s%n",
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
            } catch (IOException e) {
                wildflyFailure = new IllegalStateException("cannot start WildFly against Samba: " + e.getMessage(), e);
                throw wildflyFailure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                wildflyFailure = new IllegalStateException("interrupted while starting WildFly against Samba", e);
                throw wildflyFailure;
            }
        }
        return wildfly;
    }

    /** WildFly's logs: {@code server.log}, {@code cews-audit.log}. */
    Path wildflyLog(String name) {
        return Path.of("target").toAbsolutePath().resolve("server-forest/log").resolve(name);
    }

    /** Stops WildFly, the lab and the DC, by PID, each also when another fails to stop. */
    private void close() {
        List<RuntimeException> failures = new ArrayList<>();
        if (wildfly != null) {
            collecting(failures, wildfly::close);
            wildfly = null;
        }
        collecting(failures, () -> {
            try {
                labSh("stop", "--state=" + labState);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        collecting(failures, samba::close);
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private static void collecting(List<RuntimeException> failures, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }
}
