package org.cews.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The realm options: all or none, each once, checked before anything starts. */
class RealmConfigTest {

    static final List<String> ALL = List.of(
            "--realm=LAB.EXAMPLE",
            "--ca-keytab=/tmp/ca.keytab",
            "--ca-principal=host/ca.lab.example",
            "--directory=ldap://127.0.0.1:389",
            "--bind-dn=CN=svc-cep,CN=Users,DC=lab,DC=example",
            "--bind-password-file=/tmp/pw");

    static String[] with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void takesTheRealmOptionsAndLeavesTheLabsOwn() {
        RealmConfig.Split split = RealmConfig.split(with(ALL, "--epm-port=0", "--state=/tmp/s"));
        assertArrayEquals(new String[] {"--epm-port=0", "--state=/tmp/s"}, split.labArgs());
        RealmConfig realm = split.realm().orElseThrow();
        assertEquals("host/ca.lab.example@LAB.EXAMPLE", realm.caPrincipal(), "the realm is appended");
        assertEquals("ca.lab.example", realm.caHost());
        assertEquals("127.0.0.1", realm.directoryHost());
        assertEquals(389, realm.directoryPort());
        assertEquals(Path.of("/tmp/ca.keytab"), realm.caKeytab());
        assertEquals("ldap://127.0.0.1:389", realm.directoryUrl());
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
        assertEquals(
                "running inside a realm needs [--ca-principal, --directory, --bind-dn, --bind-password-file] too",
                e.getMessage());
    }

    @Test
    void badValuesAreRefused() {
        assertEquals(
                "--directory (expected: ldap://host:port, actual: ldaps://dc1:636)",
                refused("--directory=ldaps://dc1:636"));
        assertEquals(
                "--ca-principal (expected: a principal of LAB.EXAMPLE, actual: host/ca@OTHER.EXAMPLE)",
                refused("--ca-principal=host/ca@OTHER.EXAMPLE"));
        assertEquals(
                "--realm (expected: an upper-case realm name, actual: lab.example)", refused("--realm=lab.example"));
        assertEquals(
                "--realm given twice",
                assertThrows(IllegalArgumentException.class, () -> RealmConfig.split(with(ALL, "--realm=LAB.EXAMPLE")))
                        .getMessage());
        assertTrue(refused("--directory=ldap://127.0.0.1:99999").startsWith("--directory"));
    }

    /** ALL with one option replaced. */
    private static String refused(String replacement) {
        String name = replacement.substring(0, replacement.indexOf('=') + 1);
        List<String> args =
                new ArrayList<>(ALL.stream().filter(a -> !a.startsWith(name)).toList());
        args.add(replacement);
        return assertThrows(IllegalArgumentException.class, () -> RealmConfig.split(args.toArray(String[]::new)))
                .getMessage();
    }
}
