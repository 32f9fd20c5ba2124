package org.cews.it.samba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.TestAbortedException;

/**
 * What Samba's Kerberos acceptor checks in the DCE-style third leg, measured with impacket 0.10 as
 * the client (lab/src/test/python/samba_third_leg.py; docs/RPC-KERBEROS.md, where the lab's
 * acceptor follows it): not the AP-REP's ctime/cusec, but its type, key, usage and seq-number; and
 * why stock impacket still fails against Samba (the alter_context's repeated context list, the
 * missing mechListMIC). Tickets come from MIT kinit/kvno into a ccache, because Samba's KDC refuses
 * impacket 0.10's own TGS-REQ. Skipped without impacket or kinit/kvno, unless CEWS_REQUIRE_IMPACKET=1,
 * which makes a missing tool a failure.
 */
@ExtendWith(SambaDomainController.Extension.class)
class SambaImpacketKerberosIT {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SCRIPT = Path.of("../lab/src/test/python/samba_third_leg.py");

    @Test
    void theThirdLegsTimeIsNotCheckedItsTypeKeyAndSequenceAre(SambaDomainController dc) throws Exception {
        Map<String, String> results = run(
                dc,
                "stock+alter+mic",
                "ctime_far+alter+mic",
                "no_seq+alter+mic",
                "seq_client+alter+mic",
                "subkey_key+alter+mic",
                "usage11+alter+mic",
                "msgtype14+alter+mic",
                "pvno4+alter+mic");
        String fault721 = "REJECTED DCERPCException: Unknown DCE RPC fault status code: 00000721";
        String accepted = "ACCEPTED domains ['TEST', 'BUILTIN']";
        assertEquals(accepted, results.get("stock+alter+mic"), "impacket's own third leg, dated now");
        assertEquals(accepted, results.get("ctime_far+alter+mic"), "a third leg dated 2001-01-01");
        assertEquals(accepted, results.get("no_seq+alter+mic"));
        for (String refused : List.of("seq_client", "subkey_key", "usage11", "msgtype14", "pvno4")) {
            assertEquals(fault721, results.get(refused + "+alter+mic"), refused);
        }
    }

    @Test
    void stockImpacketIsRefusedForItsAlterContextAndTheMissingMic(SambaDomainController dc) throws Exception {
        Map<String, String> results = run(dc, "stock", "stock+alter", "stock+mic");
        String protoError = "REJECTED DCERPCException: nca_s_proto_error";
        assertEquals(protoError, results.get("stock"));
        assertEquals(protoError, results.get("stock+alter"), "no mechListMIC");
        assertEquals(protoError, results.get("stock+mic"), "the context list twice");
    }

    /** Runs the script for {@code variants}; its lines by variant, the auth_type column left out. */
    static Map<String, String> run(SambaDomainController dc, String... variants) throws Exception {
        boolean impacket = Files.isExecutable(PYTHON)
                && exec(List.of(PYTHON.toString(), "-c", "import impacket.dcerpc.v5.samr"), Map.of(), null)
                                .exit()
                        == 0;
        requireTool(
                impacket,
                "impacket not installed for /usr/bin/python3 (apt-get install python3-impacket)",
                System.getenv());
        requireTool(
                Files.isExecutable(Path.of("/usr/bin/kinit")) && Files.isExecutable(Path.of("/usr/bin/kvno")),
                "MIT kinit/kvno not installed (apt-get install krb5-user)",
                System.getenv());
        Path ccache = dc.dir().resolve("impacket.ccache");
        Map<String, String> env = Map.of("KRB5_CONFIG", dc.krb5Conf().toString(), "KRB5CCNAME", ccache.toString());
        Exec kinit = exec(
                List.of("kinit", SambaDomainController.ADMIN + "@" + SambaDomainController.REALM),
                env,
                SambaDomainController.ADMIN_PASSWORD + "\n");
        assertEquals(0, kinit.exit(), kinit.output());
        Exec kvno = exec(List.of("kvno", "host/dc1.test.example"), env, null);
        assertEquals(0, kvno.exit(), kvno.output());

        List<String> command = new ArrayList<>(List.of(
                PYTHON.toString(),
                SCRIPT.toAbsolutePath().normalize().toString(),
                SambaDomainController.HOST,
                "dc1.test.example",
                SambaDomainController.HOST));
        command.addAll(List.of(variants));
        Exec script = exec(command, env, null);
        assertEquals(0, script.exit(), script.output());
        Map<String, String> results = new LinkedHashMap<>();
        for (String line : script.output().split("\n")) {
            String[] parts = line.strip().split("\\s+", 4); // variant, "auth_type", n, result
            if (parts.length == 4 && parts[1].equals("auth_type")) {
                results.put(parts[0], parts[3]);
            }
        }
        assertTrue(results.keySet().containsAll(List.of(variants)), script.output());
        return results;
    }

    /**
     * Skips the test when a tool it needs is missing, or fails it when the environment says
     * CEWS_REQUIRE_IMPACKET=1 (CI does), as the other tiers do with their CEWS_REQUIRE_* variable:
     * every tool these tests need counts, kinit and kvno as much as impacket.
     */
    static void requireTool(boolean present, String missing, Map<String, String> env) {
        if (!present && "1".equals(env.get("CEWS_REQUIRE_IMPACKET"))) {
            throw new AssertionError("CEWS_REQUIRE_IMPACKET=1 but " + missing);
        }
        assumeTrue(present, missing);
    }

    @Test
    void aMissingKinitFailsWhenImpacketIsRequiredAndSkipsOtherwise() {
        String missing = "MIT kinit/kvno not installed (apt-get install krb5-user)";
        AssertionError failed = assertThrows(
                AssertionError.class, () -> requireTool(false, missing, Map.of("CEWS_REQUIRE_IMPACKET", "1")));
        assertEquals("CEWS_REQUIRE_IMPACKET=1 but " + missing, failed.getMessage());
        assertThrows(TestAbortedException.class, () -> requireTool(false, missing, Map.of()));
        requireTool(true, missing, Map.of("CEWS_REQUIRE_IMPACKET", "1"));
    }

    record Exec(int exit, String output) {}

    static Exec exec(List<String> command, Map<String, String> env, String input)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Exec(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
