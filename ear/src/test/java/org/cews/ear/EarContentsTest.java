package org.cews.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What ships: the built {@code cews.ear}, opened down to the jars inside its WARs, its RAR and its
 * {@code lib/}, carries only what the product runs. The lab's RPC server (module
 * wcce-connector/rpc-server) and the lab forest's LDIF (module lab-forest) are for the lab and the
 * tests; they must not come back into the RAR or a shared library through a dependency.
 *
 * <p>Runs in the {@code verify} phase, after {@code ear:ear} made the archive
 * ({@code -Dcews.ear.file=...} names another one, e.g. an older build, to see these checks fail).
 */
class EarContentsTest {

    /** The server side of [MS-RPCE] 3.3 and its acceptors, by simple name, in whatever package. */
    private static final Set<String> SERVER_CLASSES = Set.of(
            "RpcServer",
            "RpcServerConnection",
            "ServerAssociation",
            "ServerRejection",
            "ServerSecurityContext",
            "ServerSecurityContextFactory",
            "NtlmServerContext",
            "NtlmLogon",
            "KerberosServerContext",
            "SpnegoServerContext");

    private static final List<String> ENTRIES = new ArrayList<>();

    @BeforeAll
    static void open() throws IOException {
        Path ear = Path.of(System.getProperty("cews.ear", "target/cews.ear"));
        assertTrue(Files.isRegularFile(ear), "the EAR to check (expected: a file, actual: missing " + ear + ")");
        try (InputStream in = Files.newInputStream(ear)) {
            list(ear.getFileName().toString(), in, ENTRIES);
        }
    }

    /** Every entry as {@code outer!inner!name}, descending into nested jar, war and rar archives. */
    private static void list(String prefix, InputStream archive, List<String> out) throws IOException {
        ZipInputStream zip = new ZipInputStream(archive);
        ZipEntry e;
        while ((e = zip.getNextEntry()) != null) {
            String name = prefix + "!" + e.getName();
            out.add(name);
            if (!e.isDirectory() && e.getName().matches(".*\\.(jar|war|rar)")) {
                list(name, new ByteArrayInputStream(zip.readAllBytes()), out);
            }
        }
    }

    @Test
    void theRarCarriesTheClientAndItsOnePduReader() {
        // Makes the checks below mean something: the scan reaches the jars inside the RAR.
        assertEquals(
                1,
                ENTRIES.stream()
                        .filter(n -> n.matches(
                                "cews\\.ear!wcce-connector\\.rar!.*\\.jar!org/cews/wcce/msrpce/FrameReader\\.class"))
                        .count(),
                "the connector core in the RAR, with the PDU reader client and lab server share");
        assertTrue(
                ENTRIES.stream().anyMatch(n -> n.endsWith("!org/cews/wcce/msrpce/RpcClientAssociation.class")),
                "the RPC client in the EAR");
    }

    @Test
    void noRpcServerClassShips() {
        List<String> server = ENTRIES.stream()
                .filter(n -> n.contains("org/cews/wcce/server/") || SERVER_CLASSES.contains(simpleName(n)))
                .toList();
        assertEquals(List.of(), server, "RPC server classes in the EAR (they belong to the lab)");
    }

    @Test
    void noLabClassShips() {
        assertEquals(
                List.of(),
                ENTRIES.stream().filter(n -> n.contains("org/cews/lab/")).toList(),
                "lab classes in the EAR");
    }

    @Test
    void noLdifShips() {
        assertEquals(
                List.of(),
                ENTRIES.stream()
                        .filter(n -> n.contains("org/cews/")
                                && n.toLowerCase(Locale.ROOT).endsWith(".ldif"))
                        .toList(),
                "LDIF of ours (the lab forest) in the EAR; UnboundID's own standard schema may stay");
    }

    /** {@code a!b!org/x/Name.class} or {@code ...Name$Inner.class} gives {@code Name}; else "". */
    private static String simpleName(String entry) {
        if (!entry.endsWith(".class")) {
            return "";
        }
        String file = entry.substring(Math.max(entry.lastIndexOf('/'), entry.lastIndexOf('!')) + 1);
        String name = file.substring(0, file.length() - ".class".length());
        int inner = name.indexOf('$');
        return inner < 0 ? name : name.substring(0, inner);
    }
}
