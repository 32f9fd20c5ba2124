package org.cews.lab.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.cews.lab.Lab;
import org.cews.lab.LabAccounts;
import org.cews.lab.LabCaFactories;
import org.cews.lab.LabConfig;
import org.cews.lab.ca.EnterpriseLabCa;
import org.cews.lab.ca.LabCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * impacket, an independent DCE/RPC implementation, against the whole lab with its real CA engine
 * (the enterprise CA emulator on the embedded directory, found as the lab's main finds it): it
 * resolves the ICPR port through the lab's endpoint mapper and submits a PKCS#10 request at packet
 * privacy (src/test/python/icpr_client.py), and the certificate that comes back is checked on both
 * sides: parsed by python3-cryptography in the script, verified against the CA's key here. Skipped
 * when /usr/bin/python3 lacks impacket or cryptography, unless CEWS_REQUIRE_IMPACKET=1.
 *
 * <p>Kerberos: stock impacket 0.10 gets its certificate
 * ({@link #stockImpacketGetsARealCertificateOverSpnegoKerberos}), and so does impacket with the
 * script's two corrections that Samba 4.17 needs
 * ({@link #impacketWithSambasCorrectionsGetsARealCertificateOverSpnegoKerberos}).
 */
class ImpacketInteropTest {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final LabAccounts ACCOUNTS = LabAccounts.load();
    /** alice's mail in ldap-policy's fixtures/lab-accounts.ldif: the User template requires an e-mail name. */
    static final String ALICE_MAIL = "alice@lab.example";

    @TempDir
    static Path state;

    static Lab lab;
    static Path csr;

    @BeforeAll
    static void start() throws Exception {
        boolean available = Files.isExecutable(PYTHON)
                && run(List.of(PYTHON.toString(), "-c", "import impacket.dcerpc.v5.epm, cryptography.x509"), 30).exit
                        == 0;
        if ("1".equals(System.getenv("CEWS_REQUIRE_IMPACKET")) && !available) {
            throw new AssertionError("CEWS_REQUIRE_IMPACKET=1 but /usr/bin/python3 cannot import impacket and"
                    + " cryptography (apt-get install python3-impacket python3-cryptography)");
        }
        assumeTrue(
                available,
                "impacket or cryptography not installed for /usr/bin/python3"
                        + " (apt-get install python3-impacket python3-cryptography)");
        lab = Lab.start(LabConfig.ephemeral(state.resolve("lab")), LabCaFactories.resolve(Optional.empty()));
        assertInstanceOf(EnterpriseLabCa.class, lab.ca(), "the lab's real CA engine");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=alice"), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()))
                .getEncoded();
        csr = Files.write(state.resolve("alice.csr"), der);
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.stop();
        }
    }

    static Result client(String user, String password, String template, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                PYTHON.toString(),
                script().toString(),
                "--epm-port=" + lab.status().epmPort(),
                "--user=" + user,
                "--password=" + password,
                "--domain=LAB",
                "--template=" + template,
                "--csr=" + csr));
        command.addAll(List.of(more));
        return run(command, 60);
    }

    static String password(String user) {
        return ACCOUNTS.requireUser(user).password();
    }

    @Test
    void impacketGetsARealCertificateOverNtlmPrivacy() throws Exception {
        Result r = client("alice", password("alice"), "User");
        assertEquals(0, r.exit, r.output);
        assertEquals("ncacn_ip_tcp:127.0.0.1[" + lab.status().icprPort() + "]", r.value("binding"), r.output);
        assertEquals("auth_type 10", r.value("bound"), r.output); // RPC_C_AUTHN_WINNT
        assertIssuedToAlice(r);
    }

    @Test
    void impacketSeesAPendingDisposition() throws Exception {
        Result r = client("alice", password("alice"), "LabPendAll");
        assertEquals(0, r.exit, r.output);
        assertEquals("5", r.value("disposition"), r.output); // CR_DISP_UNDER_SUBMISSION
        assertEquals("0x00000000", r.value("return_value"), r.output);
        assertEquals("Taken Under Submission", r.value("message"), r.output);
        assertEquals("0", r.value("certificate_bytes"), r.output);
        int id = Integer.parseInt(r.value("request_id"));
        List<LabCa.PendingRequest> pending =
                lab.ca().pending().stream().filter(p -> p.requestId() == id).toList();
        assertEquals(1, pending.size(), lab.ca().pending().toString());
        assertEquals("LabPendAll", pending.get(0).template());
        assertTrue(
                pending.get(0).requester().endsWith("\\alice"), pending.get(0).requester());
    }

    /**
     * NTLM's bind completes without a verdict (auth3 has no answer); the refused AUTHENTICATE fails
     * the first request in the RPC layer ([MS-RPCE] 3.3.1.5.2.1), before the CA: the request IDs the
     * CA hands out just before and just after are consecutive.
     */
    @Test
    void impacketWithAWrongPasswordIsRefusedBeforeTheCa() throws Exception {
        int before = pendAsAlice();
        Result r = client("alice", "not her password", "User");
        assertNotEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("error DCERPCException: rpc_s_access_denied"), r.output);
        assertNull(r.value("disposition"), r.output);
        assertEquals(before + 1, pendAsAlice(), "no request reached the CA in between");
    }

    static int pendAsAlice() throws Exception {
        Result r = client("alice", password("alice"), "LabPendAll");
        assertEquals("5", r.value("disposition"), r.output);
        return Integer.parseInt(r.value("request_id"));
    }

    /**
     * Stock impacket 0.10 over SPNEGO/Kerberos (it has no raw auth_type 16), with only the
     * script's workarounds for the lab KDC's port and salt. Its third-leg AP-REP carries its
     * current time instead of the Authenticator's ctime/cusec, which the lab, like Samba 4.17's
     * acceptor, does not compare (docs/RPC-KERBEROS.md §2); its Wrap tokens pad through EC, which
     * the receive side follows. The lab also lets pass two things Samba refuses here: the
     * alter_context's repeated context list (44 octets more than its auth_pad_length says) and
     * the missing mechListMIC (docs/RPC-KERBEROS.md §3).
     */
    @Test
    void stockImpacketGetsARealCertificateOverSpnegoKerberos() throws Exception {
        Result r = client(
                "alice",
                password("alice"),
                "User",
                "--kerberos",
                "--krb5-conf=" + lab.status().krb5Conf());
        assertEquals(0, r.exit, r.output);
        assertEquals("auth_type 9", r.value("bound"), r.output); // RPC_C_AUTHN_GSS_NEGOTIATE
        assertIssuedToAlice(r);
    }

    /**
     * impacket with --samba-fixes: the alter_context carries the context list once and a
     * mechListMIC (RFC 4121 MIC under the acceptor subkey, usage 25), the client Samba 4.17
     * completed sealed SAMR calls for. Here it is the lab's mechListMIC check that an independent
     * client passes, with the first Wrap token then at SND_SEQ 1.
     */
    @Test
    void impacketWithSambasCorrectionsGetsARealCertificateOverSpnegoKerberos() throws Exception {
        Result r = client(
                "alice",
                password("alice"),
                "User",
                "--kerberos",
                "--krb5-conf=" + lab.status().krb5Conf(),
                "--samba-fixes");
        assertEquals(0, r.exit, r.output);
        assertEquals("auth_type 9", r.value("bound"), r.output);
        assertIssuedToAlice(r);
    }

    /** Issued, by the lab CA, with the subject and e-mail name the User template takes from alice's entry. */
    static void assertIssuedToAlice(Result r) throws Exception {
        assertEquals("3", r.value("disposition"), r.output); // CR_DISP_ISSUED
        assertEquals("0x00000000", r.value("return_value"), r.output);
        assertEquals("Issued", r.value("message"), r.output);
        assertEquals("CN=Lab-Issuing-CA", r.value("issuer"), r.output);
        String subject = r.value("subject");
        assertTrue(subject.contains("CN=Alice Archer,CN=Users,DC=lab,DC=example"), subject);
        assertTrue(subject.contains("=" + ALICE_MAIL), subject);
        assertEquals(ALICE_MAIL, r.value("email"), r.output);

        byte[] der = Base64.getDecoder().decode(r.value("certificate"));
        assertEquals(String.valueOf(der.length), r.value("certificate_bytes"));
        X509Certificate issued = (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        X509Certificate ca = lab.ca().chain().get(0);
        issued.verify(ca.getPublicKey());
        assertEquals(ca.getSubjectX500Principal(), issued.getIssuerX500Principal());
        assertEquals(issued.getSerialNumber().toString(16), r.value("serial"));
        assertFalse(issued.getSubjectX500Principal().getName().contains("CN=alice,"), "the CSR's subject was not used");
    }

    static Path script() {
        for (Path p :
                new Path[] {Path.of("src/test/python/icpr_client.py"), Path.of("lab/src/test/python/icpr_client.py")}) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath();
            }
        }
        throw new AssertionError("icpr_client.py not found from " + Path.of("").toAbsolutePath());
    }

    record Result(int exit, String output) {
        String value(String key) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : output.split("\n")) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    values.putIfAbsent(
                            line.substring(0, space), line.substring(space + 1).strip());
                }
            }
            return values.get(key);
        }
    }

    static Result run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out after " + seconds + " s: " + command);
        }
        return new Result(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
