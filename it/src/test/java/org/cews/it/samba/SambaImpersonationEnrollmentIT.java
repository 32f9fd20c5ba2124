package org.cews.it.samba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.cews.it.WildFlyInstance;
import org.cews.policy.fixtures.LabForest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5's impersonation, end to end and as realistic as these machines allow: real AD (a Samba
 * AD DC with the lab forest's realm, domain SID and LDIF), the emulated CA inside that realm (the
 * lab in realm mode, with a keytab exported from Samba for {@code host/ca.lab.example} on a
 * computer account CA$), and the connector deployed in the EAR in WildFly impersonating users:
 * {@code getConnection(user)} gets the CA a ticket in the user's name by S4U2Self + S4U2Proxy from
 * the CES account's keytab (svc-ces: constrained delegation to the CA's SPN with protocol
 * transition, set up with samba-tool as docs/KERBEROS-S4U.md §1 does), then MS-ICPR at packet privacy.
 *
 * <p>What shows the CA saw the real user: alice's certificate carries her subject and SID (read
 * by the CA from Samba's directory for the ticket's client name); on LabUserV2, whose descriptor
 * denies Enroll to "PKI Enroll Blocked", the CA issues to alice and denies bob; the lab log names
 * alice and bob as the callers, never svc-ces.
 *
 * <p>The DC, the lab CA and the WildFly (offset 200, the JVM's krb5.conf Samba's) are the run's
 * {@link SambaForest}, shared with the other classes that need the lab forest on Samba.
 */
@ExtendWith(SambaForest.Extension.class)
class SambaImpersonationEnrollmentIT {

    static final String REALM = SambaForest.REALM;
    static final String CES = SambaForest.CES;

    static SambaForest forest;
    static SambaLabDc samba;
    static SambaDomainController dc;
    static Properties lab;
    static WildFlyInstance wildfly;
    static HttpClient client;

    @BeforeAll
    static void start(SambaForest shared) throws Exception {
        forest = shared;
        samba = forest.samba();
        dc = forest.dc();
        lab = forest.lab();
        wildfly = forest.wildfly();
        client = wildfly.client();
    }

    /** POSTs a fresh PKCS#10 to the probe, impersonating {@code user}; returns the probe's answer words. */
    static String[] enrollAs(String user, String template) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=ignored-by-the-ca"), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()))
                .getEncoded();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(wildfly.https("/cews-probe/enroll?factory=CaConnectionFactoryS4u&template="
                                + template + "&user=" + user))
                        .header("Content-Type", "application/pkcs10")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(csr))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String[] answer = response.body().trim().split(" ", 4);
        assertEquals(
                answer[0].equals("ERROR") ? 502 : 200,
                response.statusCode(),
                "probe status for " + user + ": " + response.body());
        return answer;
    }

    static X509Certificate issued(String[] answer) throws GeneralSecurityException {
        assertEquals("ISSUED", answer[0], String.join(" ", answer));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(answer[2])));
    }

    /** The SID in szOID_NTDS_CA_SECURITY_EXT ([MS-WCCE] 2.2.2.7.7.4): one otherName szOID_NTDS_OBJECTSID. */
    static String securityExtensionSid(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue("1.3.6.1.4.1.311.25.2");
        assertTrue(value != null, "no szOID_NTDS_CA_SECURITY_EXT in " + certificate.getSubjectX500Principal());
        GeneralName[] names = GeneralNames.getInstance(
                        ASN1OctetString.getInstance(value).getOctets())
                .getNames();
        OtherName sid = OtherName.getInstance(names[0].getName());
        assertEquals("1.3.6.1.4.1.311.25.2.1", sid.getTypeID().getId());
        return new String(ASN1OctetString.getInstance(sid.getValue()).getOctets(), StandardCharsets.US_ASCII);
    }

    static String labLog() throws IOException {
        return forest.labLog();
    }

    /** Whether one line of {@code log} holds every fragment. */
    static boolean hasLine(String log, String... fragments) {
        return log.lines().anyMatch(line -> Arrays.stream(fragments).allMatch(line::contains));
    }

    static long count(String log, String fragment) {
        return log.lines().filter(line -> line.contains(fragment)).count();
    }

    @Test
    void impersonatedAliceGetsACertificateInHerNameAndWithHerSid() throws Exception {
        X509Certificate cert = issued(enrollAs("alice@" + REALM, "User"));
        // User: the subject is the account's DN (and her mail), as the CA read them from Samba.
        assertTrue(
                cert.getSubjectX500Principal().getName().endsWith("CN=Alice Archer,CN=Users,DC=lab,DC=example"),
                cert.getSubjectX500Principal().getName());
        assertTrue(
                cert.getIssuerX500Principal().getName().contains("CN=" + lab.getProperty("ca.name")),
                cert.getIssuerX500Principal().getName());
        assertEquals(LabForest.ALICE.toString(), securityExtensionSid(cert));
    }

    /**
     * LabUserV2 allows Enroll to Domain Users and denies it to PKI Enroll Blocked, which bob is a
     * member of: the same CES account asks for both, the CA decides by the impersonated user.
     */
    @Test
    void theCaDecidesEnrollByTheImpersonatedUser() throws Exception {
        X509Certificate alices = issued(enrollAs("alice@" + REALM, "LabUserV2"));
        assertEquals(LabForest.ALICE.toString(), securityExtensionSid(alices));

        String[] bobs = enrollAs("bob@" + REALM, "LabUserV2");
        assertEquals("DENIED", bobs[0], String.join(" ", bobs));
        assertEquals("0x80094012", bobs[2], "CERTSRV_E_TEMPLATE_DENIED: " + String.join(" ", bobs));
    }

    /** The KDC refuses S4U2Self for an unknown user; the connector says so, the CA sees nothing. */
    @Test
    void aUserTheRealmDoesNotKnowGetsNoConnection() throws Exception {
        String[] answer = enrollAs("nobody-here@" + REALM, "User");
        assertEquals("ERROR", answer[0], String.join(" ", answer));
        String error = String.join(" ", answer);
        assertTrue(
                error.contains("\\" + lab.getProperty("ca.name") + " as nobody-here@" + REALM + " (S4U by " + CES + "@"
                                + REALM + "): ")
                        && error.contains("Client not found in Kerberos database (6)")
                        && error.endsWith(" [kind AUTHENTICATION]")
                        && !error.contains("IJ000453"),
                "the probe's error names the CA, the user, the impersonator and the KDC's reason: " + error);
        String log = Files.readString(wildfly.serverLog(), StandardCharsets.UTF_8);
        assertTrue(
                hasLine(
                        log,
                        "in the name of nobody-here@" + REALM + " (S4U by " + CES + "@" + REALM + ")",
                        "S4U2self credentials failed"),
                "server.log names the refused S4U2Self");
        assertTrue(log.contains("Client not found in Kerberos database (6)"), "the KDC's reason");
        assertFalse(labLog().contains("nobody-here"), "the CA never saw the request");
    }

    /**
     * One association per impersonated user, lent only to that user: two requests of alice in a
     * row bind at most once (her association comes back to her), and bob's request after them
     * binds as bob and is decided as bob (the connector does not match alice's free association for
     * him, so the pool closes it and makes his; it-samba.cli pools as configure-connector.cli does).
     */
    @Test
    void aUsersAssociationIsReusedForHerAndNeverLentToAnother() throws Exception {
        String aliceBinds = "bind: " + REALM + "\\alice authenticated by Kerberos";
        String bobBinds = "bind: " + REALM + "\\bob authenticated by Kerberos";
        long alicesBefore = count(labLog(), aliceBinds);
        long bobsBefore = count(labLog(), bobBinds);
        issued(enrollAs("alice@" + REALM, "User"));
        issued(enrollAs("alice@" + REALM, "User"));
        long alices = count(labLog(), aliceBinds) - alicesBefore;
        assertTrue(alices <= 1, alices + " binds as alice for two requests in a row");

        String[] bobs = enrollAs("bob@" + REALM, "LabUserV2");
        assertEquals("DENIED", bobs[0], String.join(" ", bobs));
        assertEquals(1, count(labLog(), bobBinds) - bobsBefore, "bob's request binds as bob");
        String last = labLog().lines()
                .filter(line -> line.contains("event=submit"))
                .reduce((first, second) -> second)
                .orElseThrow();
        assertTrue(last.contains("caller=" + REALM + "\\bob "), last);
    }

    @Test
    void theLabLogNamesTheImpersonatedUsersNotTheCesAccount() throws Exception {
        issued(enrollAs("alice@" + REALM, "User"));
        assertEquals("DENIED", enrollAs("bob@" + REALM, "LabUserV2")[0]);
        String log = labLog();
        String alice = REALM + "\\alice";
        String bob = REALM + "\\bob";
        assertTrue(log.contains("bind: " + alice + " authenticated by Kerberos"), log);
        assertTrue(log.contains("bind: " + bob + " authenticated by Kerberos"), log);
        assertTrue(hasLine(log, "event=submit caller=" + alice + " ", "template=User ", "CR_DISP_ISSUED"), log);
        assertTrue(
                hasLine(log, "event=submit caller=" + bob + " ", "template=LabUserV2 ", "CERTSRV_E_TEMPLATE_DENIED"),
                log);
        assertFalse(log.contains(CES + " authenticated"), "the CES account never binds as itself: " + log);
        assertFalse(log.contains("caller=" + REALM + "\\" + CES), log);
    }

    /**
     * The CA read Samba's directory (the tests above need alice's SID and bob's groups from it) as
     * itself, CA$ (host/ca.lab.example's account) with keys from its keytab, over GSSAPI sealed on plain LDAP: Samba's LDAP
     * policy stays at its default (require strong auth), which refuses a simple bind there.
     */
    @Test
    void theCaReadsTheDirectoryWithKerberosAsItselfSealed() throws Exception {
        issued(enrollAs("alice@" + REALM, "User"));
        assertEquals("GSSAPI as CA$@" + REALM, lab.getProperty("ldap.bind"));
        String smbConf = Files.readString(Path.of(dc.localDatabase().get(3)));
        assertFalse(smbConf.contains("require strong auth = no"), "Samba's LDAP defaults are kept");
        List<SambaLabDc.Authorization> ldap = samba.authorizationsSince(0).stream()
                .filter(a -> a.service().equals("LDAP"))
                .toList();
        assertTrue(ldap.contains(new SambaLabDc.Authorization("LDAP", "krb5", "SEAL", "CA$")), ldap.toString());
        // The CA's binds only; WildFly checks UsernameTokens with simple binds over LDAPS.
        assertFalse(
                ldap.stream()
                        .anyMatch(
                                a -> a.account().equals("CA$") && !a.authType().equals("krb5")),
                ldap.toString());
        assertFalse(
                ldap.stream()
                        .anyMatch(a -> a.authType().equals("simple bind")
                                && !a.transportProtection().equals("TLS")),
                "no simple bind in clear: " + ldap);
    }
}
