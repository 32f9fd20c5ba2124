package org.cews.it.samba;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cews.policy.acl.AclFormatException;
import org.cews.policy.acl.Sid;
import org.cews.policy.fixtures.InMemoryAd;
import org.cews.policy.fixtures.LabForest;
import org.cews.policy.ldap.LdapServer;

/**
 * A Samba AD DC holding the lab forest (realm LAB.EXAMPLE, the lab's domain SID, the fixtures of
 * ldap-policy loaded into sam.ldb before samba starts, as the fixtures README says), on loopback,
 * with Samba's defaults for LDAP: simple binds only inside TLS, SASL binds signed or sealed outside
 * it. It also exports keytabs and logs every authorization as JSON, so a test can see how Samba
 * judged a connection.
 */
final class SambaLabDc implements AutoCloseable {

    /** The DC's DNS name: its TLS certificate's CN and its {@code ldap/} service principal. */
    static final String NAME = "dc1.lab.example";

    static final String REALM = "LAB.EXAMPLE";
    static final String SVC_CES = "svc-ces";

    private final SambaDomainController dc;

    private SambaLabDc(SambaDomainController dc) {
        this.dc = dc;
    }

    /** Provisions into {@code dir}, loads the fixtures, exports keytabs, starts samba. */
    static SambaLabDc start(Path dir) throws IOException, InterruptedException {
        return start(dir, notYetStarted -> {});
    }

    /** As {@link #start(Path)}, with {@code more} work on the database after the fixtures, before samba starts. */
    static SambaLabDc start(Path dir, SambaDomainController.BeforeStart more) throws IOException, InterruptedException {
        SambaDomainController dc = SambaDomainController.start(
                dir,
                new SambaDomainController.Provisioning(REALM, "LAB", List.of("--domain-sid=" + LabForest.DOMAIN_SID)),
                notYetStarted -> {
                    prepare(notYetStarted);
                    more.prepare(notYetStarted);
                });
        SambaLabDc lab = new SambaLabDc(dc);
        try {
            dc.awaitPort(389, Duration.ofSeconds(60));
            dc.awaitPort(636, Duration.ofSeconds(60));
        } catch (IOException | RuntimeException e) {
            dc.close();
            throw e;
        }
        return lab;
    }

    /** The DC by name, reached on loopback (there is no DNS for lab.example here). */
    LdapServer server(int port) {
        return new LdapServer(NAME, port).at(SambaDomainController.HOST);
    }

    /** The CA certificate Samba generated for its LDAPS listener at first start. */
    Path tlsCa() {
        return dc.dir().resolve("dc/private/tls/ca.pem");
    }

    /** The DC's own TLS certificate (CN=DC1.lab.example, no subjectAltName). */
    Path tlsCertificate() {
        return dc.dir().resolve("dc/private/tls/cert.pem");
    }

    /** svc-cep's keys as exported by samba-tool. */
    Path svcCepKeytab() {
        return dc.dir().resolve("svc-cep.keytab");
    }

    /** svc-ces's keys as exported before its password was reset: every key in it is outdated. */
    Path staleSvcCesKeytab() {
        return dc.dir().resolve("svc-ces-stale.keytab");
    }

    Path krb5Conf() throws IOException {
        return dc.krb5Conf();
    }

    /** The controller underneath: its directory, database and commands. */
    SambaDomainController controller() {
        return dc;
    }

    /** The audit log's length now; {@link #authorizationsSince} reads what came after it. */
    long auditMark() throws IOException {
        return Files.size(auditLog());
    }

    /**
     * The LDAP authorizations Samba logged after {@code mark} (auth_json_audit level 4), waiting
     * up to a few seconds for at least one.
     */
    List<Authorization> authorizationsSince(long mark) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        while (true) {
            byte[] all = Files.readAllBytes(auditLog());
            String text = new String(
                    all,
                    (int) Math.min(mark, all.length),
                    (int) Math.max(0, all.length - mark),
                    StandardCharsets.UTF_8);
            List<Authorization> found = Authorization.parse(text);
            if (!found.isEmpty() || Instant.now().isAfter(deadline)) {
                return found;
            }
            Thread.sleep(100);
        }
    }

    /**
     * One JSON "Authorization" event of Samba's audit log: the service, how the client
     * authenticated (Samba writes "krb5" for Kerberos, "simple bind" for a password) and how Samba
     * judged the transport ("TLS", "SEAL", "SIGN" or "NONE").
     */
    record Authorization(String service, String authType, String transportProtection, String account) {

        static List<Authorization> parse(String log) {
            List<Authorization> out = new ArrayList<>();
            for (String line : log.split("\n")) {
                if (line.contains("\"type\": \"Authorization\"")) {
                    out.add(new Authorization(
                            field(line, "serviceDescription"),
                            field(line, "authType"),
                            field(line, "transportProtection"),
                            field(line, "account")));
                }
            }
            return out;
        }

        private static String field(String body, String name) {
            Matcher m = Pattern.compile("\"" + name + "\": \"([^\"]*)\"").matcher(body);
            return m.find() ? m.group(1) : "";
        }
    }

    private Path auditLog() {
        return dc.dir().resolve("audit.log");
    }

    @Override
    public void close() {
        dc.close();
    }

    /**
     * Before samba starts: audit logging under [global], then lab-accounts.ldif and lab-pki.ldif
     * with ldbadd on sam.ldb, the forest OID on CN=OID, svc-cep's password and keytab, and a stale
     * svc-ces keytab. Provision already created every container of ad-skeleton.ldif (which is
     * therefore not loaded), but not CN=OID's msPKI-Cert-Template-OID.
     *
     * <p>The accounts keep the fixture's SIDs: ldbadd's relax control lets the add set objectSid and
     * primaryGroupID, which samldb otherwise assigns or refuses. Samba's LDIF reader takes objectSid
     * only in string form (S-1-5-...), so the accounts file is rewritten with the SIDs as strings.
     */
    private static void prepare(SambaDomainController dc) throws IOException, InterruptedException {
        List<String> local = dc.localDatabase();
        String sam = local.get(1);
        Path smbConf = Path.of(local.get(3));
        Files.writeString(
                smbConf,
                Files.readString(smbConf)
                        .replace(
                                "[global]\n",
                                "[global]\n\tlog level = 1 auth_json_audit:4\n\tlog file = "
                                        + dc.dir().resolve("audit.log").toAbsolutePath() + "\n\tmax log size = 0\n"));
        Files.writeString(dc.dir().resolve("audit.log"), "");
        StringBuilder accounts = new StringBuilder();
        try (InputStream in = fixture("lab-accounts.ldif");
                LDIFReader reader = new LDIFReader(in)) {
            for (Entry e = reader.readEntry(); e != null; e = reader.readEntry()) {
                byte[] sid = e.getAttributeValueBytes("objectSid");
                e.removeAttribute("objectSid");
                e.addAttribute("objectSid", Sid.decode(sid).toString());
                accounts.append(e.toLDIFString(0)).append('\n');
            }
        } catch (LDIFException | AclFormatException e) {
            throw new IOException("lab-accounts.ldif: " + e.getMessage(), e);
        }
        Path accountsLdif = Files.writeString(dc.dir().resolve("lab-accounts-sddl-sids.ldif"), accounts);
        dc.run("load accounts", List.of("ldbadd", "--relax", "-H", sam, accountsLdif.toString()));

        Path pki = dc.dir().resolve("lab-pki.ldif");
        try (InputStream in = fixture("lab-pki.ldif")) {
            Files.copy(in, pki);
        }
        dc.run("load pki", List.of("ldbadd", "-H", sam, pki.toString()));

        Path oid = Files.writeString(
                dc.dir().resolve("forest-oid.ldif"),
                String.join(
                        "\n",
                        "dn: " + LabForest.OID_CONTAINER,
                        "changetype: modify",
                        "replace: msPKI-Cert-Template-OID",
                        "msPKI-Cert-Template-OID: " + LabForest.FOREST_OID,
                        "",
                        ""),
                StandardCharsets.UTF_8);
        dc.run("forest oid", List.of("ldbmodify", "-H", sam, oid.toString()));
        setPassword(dc, "svc-cep", LabForest.SVC_CEP_PASSWORD);
        exportKeytab(dc, "svc-cep", dc.dir().resolve("svc-cep.keytab"));
        setPassword(dc, SVC_CES, "Lab-Ces-Before-1");
        exportKeytab(dc, SVC_CES, dc.dir().resolve("svc-ces-stale.keytab"));
        setPassword(dc, SVC_CES, "Lab-Ces-After-2");
    }

    private static void setPassword(SambaDomainController dc, String account, String password)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("samba-tool", "user", "setpassword", account, "--newpassword=" + password));
        command.addAll(dc.localDatabase());
        dc.run(account + " password", command);
    }

    /** exportkeytab reads sam.ldb itself; it takes -s but not -H. */
    private static void exportKeytab(SambaDomainController dc, String account, Path keytab)
            throws IOException, InterruptedException {
        dc.run(
                account + " keytab",
                List.of(
                        "samba-tool",
                        "domain",
                        "exportkeytab",
                        keytab.toString(),
                        "--principal=" + account + "@" + REALM,
                        "-s",
                        dc.localDatabase().get(3)));
        if (!Files.exists(keytab)) {
            throw new IOException("samba-tool wrote no keytab " + keytab);
        }
    }

    private static InputStream fixture(String name) {
        InputStream in = SambaLabDc.class.getResourceAsStream(InMemoryAd.FIXTURES + name);
        if (in == null) {
            throw new IllegalStateException("missing fixture " + name);
        }
        return in;
    }
}
