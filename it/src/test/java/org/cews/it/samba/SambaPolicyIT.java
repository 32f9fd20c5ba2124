package org.cews.it.samba;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;
import org.cews.lab.LabAccounts;
import org.cews.policy.acl.Sid;
import org.cews.policy.fixtures.InMemoryAd;
import org.cews.policy.fixtures.LabForest;
import org.cews.policy.ldap.AdPolicyReader;
import org.cews.policy.ldap.BindMethod;
import org.cews.policy.ldap.DirectoryConfig;
import org.cews.policy.ldap.DirectoryConnector;
import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.ldap.LdapServer;
import org.cews.policy.ldap.PasswordCheck;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.ldap.TransportSecurity;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.view.Caller;
import org.cews.policy.view.PolicyView;
import org.cews.policy.view.PolicyViews;
import org.cews.policy.view.RequestFilter;
import org.cews.policy.view.SidNames;
import org.cews.policy.view.ViewConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 3's "done": the policy view and the "explain" sentences computed from a real Samba AD DC
 * loaded with the lab fixtures equal those computed from UnboundID's in-memory directory
 * (InMemoryAd) for the same LDIF, for callers with rights (alice, WEB01$) and without (bob: an
 * explicit deny; carol: no grant), with and without request filters; read from Samba as svc-cep
 * three ways: a simple bind over LDAPS, and SASL GSSAPI with svc-cep's keytab over plain LDAP
 * (sealed) and over LDAPS. Samba keeps its LDAP defaults, so a simple bind over plain LDAP is
 * refused (as AD refuses it); the tests below show how Samba judged each connection.
 *
 * <p>The DC is the run's {@link SambaForest} (realm LAB.EXAMPLE, the lab's domain SID), shared
 * with the other classes that need the lab forest on Samba; while this class runs the JVM's
 * Kerberos configuration is Samba's.
 */
@ExtendWith(SambaForest.Extension.class)
class SambaPolicyIT {

    static final Instant READ_AT = Instant.parse("2026-11-25T08:00:00Z");
    static final List<String> CALLERS = List.of("alice", "bob", "carol", "WEB01$");
    static final List<String> ACCOUNTS =
            List.of("alice", "bob", "carol", "WEB01$", "svc-cep", SambaLabDc.SVC_CES, "Administrator");
    static final Map<String, RequestFilter> FILTERS = Map.of(
            "none", RequestFilter.NONE,
            "clientVersion 1", RequestFilter.of(1, null, false),
            "key-based renewal", RequestFilter.KEY_BASED_RENEWAL);
    static final String SVC_CEP = "svc-cep@" + SambaLabDc.REALM;

    static SambaLabDc lab;
    static InMemoryAd inMemory;
    static Side memory;
    static List<Side> samba;

    /** One directory read as svc-cep one way: its snapshot, callers and SID names. */
    record Side(String what, DirectoryConfig config, AdPolicyReader reader, PolicySnapshot snapshot) {

        static Side read(String what, DirectoryConfig config) throws Exception {
            AdPolicyReader reader =
                    new AdPolicyReader(new DirectoryConnector(config), Clock.fixed(READ_AT, ZoneOffset.UTC));
            return new Side(what, config, reader, reader.read());
        }

        /** The lab forest on UnboundID's in-memory directory, read as svc-cep. */
        static Side inMemory(InMemoryAd directory) throws Exception {
            return read(
                    "in-memory",
                    DirectoryConfig.builder()
                            .security(TransportSecurity.NONE)
                            .bind(new BindMethod.Simple(LabForest.SVC_CEP_DN, LabForest.SVC_CEP_PASSWORD.toCharArray()))
                            .server(SambaDomainController.HOST, directory.port())
                            .build());
        }

        Caller caller(String account) throws Exception {
            String dn = reader.findAccount(account).orElseThrow(() -> new AssertionError(what + ": no " + account));
            return Caller.account(account, reader.accountSids(dn).callerSids());
        }

        PolicyViews views() {
            return new PolicyViews(ViewConfig.of("lab"), SidNames.directory(reader));
        }
    }

    static DirectoryConfig.Builder config(TransportSecurity security, LdapServer server, BindMethod bind)
            throws Exception {
        return DirectoryConfig.builder()
                .security(security)
                .sslContext(trusting(lab.tlsCa()))
                .server(server)
                .bind(bind)
                .connectTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(20));
    }

    /** Trusts Samba's generated CA and nothing else; the host name is checked (the default). */
    static SSLContext trusting(Path caPem) throws Exception {
        return new SSLUtil(new PEMFileTrustManager(caPem.toFile())).createSSLContext();
    }

    static DirectoryConfig ldapsSimple(String password) throws Exception {
        return config(
                        TransportSecurity.LDAPS,
                        lab.server(636),
                        new BindMethod.Simple(LabForest.SVC_CEP_DN, password.toCharArray()))
                .build();
    }

    static DirectoryConfig gssapi(TransportSecurity security, String principal, Path keytab) throws Exception {
        int port = security == TransportSecurity.LDAPS ? 636 : 389;
        return config(security, lab.server(port), new BindMethod.GssapiKeytab(principal, keytab))
                .build();
    }

    @BeforeAll
    static void start(SambaForest forest) throws Exception {
        lab = forest.samba();
        inMemory = InMemoryAd.start();
        memory = Side.inMemory(inMemory);
        samba = List.of(
                Side.read("samba, simple bind over LDAPS", ldapsSimple(LabForest.SVC_CEP_PASSWORD)),
                Side.read("samba, GSSAPI over plain LDAP", gssapi(TransportSecurity.NONE, SVC_CEP, lab.svcCepKeytab())),
                Side.read("samba, GSSAPI over LDAPS", gssapi(TransportSecurity.LDAPS, SVC_CEP, lab.svcCepKeytab())));
    }

    @AfterAll
    static void stop() {
        if (inMemory != null) {
            inMemory.close();
        }
    }

    @Test
    void bothDirectoriesHoldTheSamePolicyObjects() {
        for (Side s : samba) {
            assertEquals(names(memory.snapshot), names(s.snapshot), s.what + ": templates");
            assertEquals(
                    memory.snapshot.enrollmentServices().stream()
                            .map(e -> e.cn())
                            .toList(),
                    s.snapshot.enrollmentServices().stream().map(e -> e.cn()).toList(),
                    s.what + ": CAs");
            assertEquals(memory.snapshot.forestOid(), s.snapshot.forestOid(), s.what + ": forest OID");
            assertEquals(oids(memory.snapshot), oids(s.snapshot), s.what + ": enterprise OIDs");
            assertEquals(List.of(), s.snapshot.problems(), s.what + ": decode problems");
        }
    }

    /**
     * tokenGroups as AD computes it (MS-ADTS 3.1.1.4.5.19) and as the in-memory stand-in stores it
     * (inmemory-tokengroups.ldif) are the same, for every account of the fixtures.
     */
    @Test
    void everyAccountHasTheSameTokenGroups() throws Exception {
        Side s = samba.get(0);
        for (String account : ACCOUNTS) {
            String dnMemory = memory.reader.findAccount(account).orElseThrow();
            String dnSamba = s.reader.findAccount(account).orElseThrow();
            assertEquals(
                    sorted(memory.reader.accountSids(dnMemory).tokenGroups()),
                    sorted(s.reader.accountSids(dnSamba).tokenGroups()),
                    account + ": tokenGroups in memory vs. on Samba");
        }
    }

    @Test
    void viewsAndExplanationsMatch() throws Exception {
        PolicyViews inMemoryViews = memory.views();
        for (Side side : samba) {
            PolicyViews onSamba = side.views();
            int offered = 0;
            int refused = 0;
            for (String account : CALLERS) {
                Caller s = side.caller(account);
                Caller m = memory.caller(account);
                assertEquals(m.sids(), s.sids(), side.what + ": SIDs of " + account);
                for (Map.Entry<String, RequestFilter> f : FILTERS.entrySet()) {
                    String where = side.what + ", " + account + ", filter " + f.getKey();
                    PolicyView vs = onSamba.view(side.snapshot, s, f.getValue());
                    PolicyView vm = inMemoryViews.view(memory.snapshot, m, f.getValue());
                    assertEquals(describe(vm), describe(vs), where);
                    offered += vs.policies().size();
                    for (CertificateTemplate t : memory.snapshot.templates()) {
                        var em = inMemoryViews.explain(memory.snapshot, m, t.cn(), f.getValue());
                        var es = onSamba.explain(side.snapshot, s, t.cn(), f.getValue());
                        assertEquals(em.sentence(), es.sentence(), where + ", explain " + t.cn());
                        refused += em.offered() ? 0 : 1;
                    }
                }
            }
            assertTrue(offered > 10, side.what + ": offered " + offered);
            assertTrue(refused > 10, side.what + ": refused " + refused);
        }
    }

    /**
     * LDAPS: the session is TLS with the certificate Samba generated for dc1.lab.example, checked
     * by name, and Samba logs the simple bind as protected by TLS.
     */
    @Test
    void ldapsIsTlsWithSambasOwnCertificateAndSambaSaysSo() throws Exception {
        long mark = lab.auditMark();
        try (LDAPConnection c = new DirectoryConnector(ldapsSimple(LabForest.SVC_CEP_PASSWORD)).connect()) {
            var session = c.getSSLSession();
            assertTrue(session != null, "no TLS session");
            X509Certificate samba = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(lab.tlsCertificate())));
            assertArrayEquals(samba.getEncoded(), session.getPeerCertificates()[0].getEncoded());
            assertTrue(boundAs(c).contains(LabForest.SVC_CEP), "Samba's token for the connection");
        }
        assertEquals(
                List.of(new SambaLabDc.Authorization("LDAP", "simple bind", "TLS", "svc-cep")),
                lab.authorizationsSince(mark));
    }

    /**
     * GSSAPI: Samba's token for the connection is svc-cep's, though no password was given, and its
     * log says Kerberos, sealed over plain LDAP and TLS over LDAPS. (Samba 4.17 does not implement
     * the "Who am I?" operation, RFC 4532; the rootDSE's tokenGroups is AD's way to ask.)
     */
    @Test
    void gssapiBindsAreKerberosAndSambaSaysSo() throws Exception {
        for (TransportSecurity security : List.of(TransportSecurity.NONE, TransportSecurity.LDAPS)) {
            long mark = lab.auditMark();
            try (LDAPConnection c = new DirectoryConnector(gssapi(security, SVC_CEP, lab.svcCepKeytab())).connect()) {
                assertEquals(security == TransportSecurity.LDAPS, c.getSSLSession() != null, security.toString());
                assertTrue(boundAs(c).contains(LabForest.SVC_CEP), security + ": Samba's token for the connection");
            }
            String protection = security == TransportSecurity.LDAPS ? "TLS" : "SEAL";
            assertEquals(
                    List.of(new SambaLabDc.Authorization("LDAP", "krb5", protection, "svc-cep")),
                    lab.authorizationsSince(mark),
                    security.toString());
        }
    }

    @Test
    void aSimpleBindOverPlainLdapIsRefusedAsOnAd() {
        DirectoryConfig plain = DirectoryConfig.builder()
                .security(TransportSecurity.NONE)
                .server(lab.server(389))
                .bind(new BindMethod.Simple(LabForest.SVC_CEP_DN, LabForest.SVC_CEP_PASSWORD.toCharArray()))
                .build();
        DirectoryException e = assertThrows(DirectoryException.class, () -> Side.read("plain", plain));
        assertTrue(e.getMessage().contains("8 (strong auth required)"), e.getMessage());
        assertFalse(e.getMessage().contains(LabForest.SVC_CEP_PASSWORD), e.getMessage());
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        DirectoryException e =
                assertThrows(DirectoryException.class, () -> Side.read("wrong", ldapsSimple("Wr0ng-pw")));
        assertTrue(e.getMessage().contains("49 (invalid credentials)"), e.getMessage());
        assertFalse(e.getMessage().contains("Wr0ng-pw"), e.getMessage());
    }

    /** svc-ces's keytab from before its password was reset: the KDC refuses every key in it. */
    @Test
    void anOutdatedKeytabIsRefusedByTheKdc() throws Exception {
        Path stale = lab.staleSvcCesKeytab();
        DirectoryException e = assertThrows(
                DirectoryException.class,
                () -> Side.read(
                        "stale", gssapi(TransportSecurity.LDAPS, SambaLabDc.SVC_CES + "@" + SambaLabDc.REALM, stale)));
        assertTrue(
                e.getMessage()
                        .endsWith("82 (local error): Kerberos login as svc-ces@LAB.EXAMPLE with keytab " + stale
                                + " failed: Pre-authentication information was invalid (24)"),
                e.getMessage());
    }

    /** Kerberos names the service by the DC's DNS name; the KDC knows no ldap/127.0.0.1. */
    @Test
    void aGssapiBindToAnAddressFindsNoServicePrincipal() throws Exception {
        DirectoryConfig byAddress = config(
                        TransportSecurity.LDAPS,
                        new LdapServer(SambaDomainController.HOST, 636),
                        new BindMethod.GssapiKeytab(SVC_CEP, lab.svcCepKeytab()))
                .verifyHostname(false) // UnboundID skips the name check on loopback anyway
                .build();
        DirectoryException e = assertThrows(DirectoryException.class, () -> Side.read("address", byAddress));
        assertTrue(e.getMessage().contains("GSSAPI as svc-cep@LAB.EXAMPLE to ldap/127.0.0.1 failed"), e.getMessage());
        assertTrue(e.getMessage().contains("Server not found in Kerberos database"), e.getMessage());
    }

    /** The DC's certificate is trusted only from its CA and only for its name. */
    @Test
    void ldapsRefusesAnotherNameOrAnotherCa() throws Exception {
        DirectoryConfig otherName = config(
                        TransportSecurity.LDAPS,
                        new LdapServer("dc2.lab.example", 636).at(SambaDomainController.HOST),
                        new BindMethod.Simple(LabForest.SVC_CEP_DN, LabForest.SVC_CEP_PASSWORD.toCharArray()))
                .build();
        DirectoryException e = assertThrows(DirectoryException.class, () -> Side.read("name", otherName));
        assertTrue(e.getMessage().contains("dc2.lab.example"), e.getMessage());
        assertTrue(e.getMessage().contains("CN=DC1.lab.example"), e.getMessage());

        DirectoryConfig jvmTrust = DirectoryConfig.builder()
                .security(TransportSecurity.LDAPS)
                .server(lab.server(636))
                .bind(new BindMethod.Simple(LabForest.SVC_CEP_DN, LabForest.SVC_CEP_PASSWORD.toCharArray()))
                .build();
        e = assertThrows(DirectoryException.class, () -> Side.read("JVM trust", jvmTrust));
        assertTrue(e.getMessage().contains("91 (connect error)"), e.getMessage());
    }

    /**
     * A UsernameToken's password checked against Samba: over LDAPS by a simple bind as the user;
     * where the directory is read sealed over plain LDAP, by Kerberos (a simple bind there is
     * refused with "strong auth required", which the services once took for a directory outage).
     */
    @Test
    void passwordsAreCheckedOverLdapsBySimpleBindAndSealedByKerberos() throws Exception {
        char[] alices = LabAccounts.load().requireUser("alice").password().toCharArray();
        String alice = "alice@" + SambaLabDc.REALM;
        PasswordCheck sealed =
                new PasswordCheck(new DirectoryConnector(gssapi(TransportSecurity.NONE, SVC_CEP, lab.svcCepKeytab())));
        assertTrue(sealed.byKerberos());
        long mark = lab.auditMark();
        PasswordCheck.Outcome right = sealed.verify(LabForest.ALICE_DN, alice, alices);
        assertTrue(right.accepted(), right.reason());
        assertTrue(
                lab.authorizationsSince(mark).contains(new SambaLabDc.Authorization("LDAP", "krb5", "SEAL", "alice")),
                "Samba's log of alice's own sealed bind");
        PasswordCheck.Outcome wrong =
                sealed.verify(LabForest.BOB_DN, "bob@" + SambaLabDc.REALM, "not-bobs".toCharArray());
        assertFalse(wrong.accepted());
        assertTrue(wrong.reason().endsWith("Pre-authentication information was invalid (24))"), wrong.reason());

        PasswordCheck tls = new PasswordCheck(new DirectoryConnector(ldapsSimple(LabForest.SVC_CEP_PASSWORD)));
        assertFalse(tls.byKerberos());
        assertTrue(tls.verify(LabForest.ALICE_DN, alice, alices).accepted());
        PasswordCheck.Outcome wrongOverTls =
                tls.verify(LabForest.BOB_DN, "bob@" + SambaLabDc.REALM, "not-bobs".toCharArray());
        assertFalse(wrongOverTls.accepted());
        assertTrue(wrongOverTls.reason().startsWith("invalid credentials"), wrongOverTls.reason());

        // What a simple bind in clear meets on Samba: no answer about the password at all.
        PasswordCheck clear = new PasswordCheck(new DirectoryConnector(DirectoryConfig.builder()
                .security(TransportSecurity.NONE)
                .server(lab.server(389))
                .bind(new BindMethod.Simple(LabForest.SVC_CEP_DN, LabForest.SVC_CEP_PASSWORD.toCharArray()))
                .build()));
        DirectoryException e =
                assertThrows(DirectoryException.class, () -> clear.verify(LabForest.ALICE_DN, alice, alices));
        assertTrue(e.getMessage().contains("strong auth required"), e.getMessage());
    }

    /** The SIDs of the token Samba built for this connection (AD's rootDSE tokenGroups). */
    private static Set<Sid> boundAs(LDAPConnection c) throws Exception {
        Set<Sid> sids = new TreeSet<>(java.util.Comparator.comparing(Sid::toString));
        for (byte[] value : c.getEntry("", "tokenGroups").getAttributeValueByteArrays("tokenGroups")) {
            sids.add(Sid.decode(value));
        }
        return sids;
    }

    /** What the view offers, without object identities: names, permissions, CAs, URIs, OIDs. */
    static List<String> describe(PolicyView v) {
        List<String> out = new ArrayList<>();
        v.policies()
                .forEach(p -> out.add("policy " + p.name() + " enroll="
                        + p.permission().enroll() + " autoEnroll="
                        + p.permission().autoEnroll() + " cas=" + p.caReferences() + " oid=" + p.oidReference()));
        v.cas()
                .forEach(c -> out.add("ca " + c.referenceId() + " " + c.name() + " uris=" + c.uris() + " enroll="
                        + c.enrollPermission() + " cert=" + c.certificate().length));
        v.oids()
                .forEach(o -> out.add("oid " + o.referenceId() + " " + o.oid() + " " + o.group() + " "
                        + o.defaultName().orElse("-")));
        return out;
    }

    private static List<String> names(PolicySnapshot s) {
        return s.templates().stream().map(CertificateTemplate::cn).sorted().toList();
    }

    private static Set<String> oids(PolicySnapshot s) {
        return new TreeSet<>(s.enterpriseOids().stream().map(o -> o.toString()).toList());
    }

    private static List<String> sorted(Set<Sid> sids) {
        return sids.stream().map(Sid::toString).sorted().toList();
    }
}
