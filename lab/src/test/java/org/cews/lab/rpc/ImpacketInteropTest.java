package org.cews.lab.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.cews.lab.FakeLabCa;
import org.cews.lab.Lab;
import org.cews.lab.LabAccounts;
import org.cews.lab.LabConfig;
import org.cews.wcce.msrpce.RpcPrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * impacket, an independent DCE/RPC implementation, against the whole lab: it resolves the ICPR
 * port through the lab's endpoint mapper and submits a CSR over NTLM at packet privacy
 * (src/test/python/icpr_client.py). Skipped when /usr/bin/python3 has no impacket, unless
 * CEWS_REQUIRE_IMPACKET=1. Kerberos: see {@link #impacketOverSpnegoKerberos}.
 */
class ImpacketInteropTest {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final LabAccounts ACCOUNTS = LabAccounts.load();

    @TempDir
    static Path state;

    static FakeLabCa ca = new FakeLabCa();
    static Lab lab;
    static Path csr;
    static byte[] csrDer;

    @BeforeAll
    static void start() throws Exception {
        boolean available = Files.isExecutable(PYTHON)
                && run(List.of(PYTHON.toString(), "-c", "import impacket.dcerpc.v5.epm"), 30).exit == 0;
        if ("1".equals(System.getenv("CEWS_REQUIRE_IMPACKET")) && !available) {
            throw new AssertionError("CEWS_REQUIRE_IMPACKET=1 but /usr/bin/python3 cannot import impacket"
                    + " (apt-get install python3-impacket)");
        }
        assumeTrue(available, "impacket not installed for /usr/bin/python3 (apt-get install python3-impacket)");
        lab = Lab.start(LabConfig.ephemeral(state.resolve("lab")), FakeLabCa.factory(ca));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        csrDer = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=alice"), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()))
                .getEncoded();
        csr = Files.write(state.resolve("alice.csr"), csrDer);
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.stop();
        }
    }

    @BeforeEach
    void clear() {
        ca.calls.clear();
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

    @Test
    void impacketGetsACertificateOverNtlmPrivacy() throws Exception {
        Result r = client("alice", ACCOUNTS.requireUser("alice").password(), "User");
        assertEquals(0, r.exit, r.output);
        assertEquals("ncacn_ip_tcp:127.0.0.1[" + lab.status().icprPort() + "]", r.value("binding"), r.output);
        assertEquals("3", r.value("disposition"), r.output); // CR_DISP_ISSUED
        assertEquals("0x00000000", r.value("return_value"), r.output);
        assertEquals(String.valueOf(ca.certificate().getEncoded().length), r.value("certificate_bytes"));
        assertEquals("Issued", r.value("message"));

        assertEquals(1, ca.calls.size());
        assertEquals(new RpcPrincipal("alice", "LAB"), ca.calls.get(0).caller());
        assertEquals("CertificateTemplate:User", ca.calls.get(0).request().attributes());
        assertEquals("Lab-Issuing-CA", ca.calls.get(0).request().authority());
        assertArrayEquals(csrDer, ca.calls.get(0).request().request().bytes());
    }

    @Test
    void impacketSeesAPendingDisposition() throws Exception {
        Result r = client("bob", ACCOUNTS.requireUser("bob").password(), "LabPendAll");
        assertEquals(0, r.exit, r.output);
        assertEquals("5", r.value("disposition"), r.output); // CR_DISP_UNDER_SUBMISSION
        assertEquals(new RpcPrincipal("bob", "LAB"), ca.calls.get(0).caller());
    }

    @Test
    void impacketWithAWrongPasswordIsRefused() throws Exception {
        Result r = client("alice", "not her password", "User");
        assertNotEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("error"), r.output);
        assertEquals(List.of(), ca.calls);
    }

    /**
     * impacket 0.10 over SPNEGO/Kerberos (it has no raw auth_type 16). With the script's two
     * client-side workarounds (the KDC port, the default salt) it gets its tickets and sends the
     * AP-REQ, then the lab refuses its third leg, which carries no SPNEGO mechListMIC:
     * org.cews.wcce.kerberos.SpnegoServerContext requires one. TESTBED.md expects impacket 0.10 to
     * fail later anyway, on alter_context padding. Enable when either side changes.
     */
    @Test
    @Disabled("impacket 0.10 sends no SPNEGO mechListMIC, which SpnegoServerContext requires")
    void impacketOverSpnegoKerberos() throws Exception {
        Result r = client(
                "alice",
                ACCOUNTS.requireUser("alice").password(),
                "User",
                "--kerberos",
                "--kdc-port=" + lab.status().kdcPort());
        assertEquals(0, r.exit, r.output);
        assertEquals("3", r.value("disposition"), r.output);
        assertEquals(new RpcPrincipal("alice", "LAB.EXAMPLE"), ca.calls.get(0).caller());
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
