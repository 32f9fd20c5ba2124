package org.cews.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabConfigTest {

    @Test
    void defaultsAreTheDocumentedPorts() {
        LabConfig c = LabConfig.parse();
        assertEquals(new LabConfig(Path.of("lab-state"), 10389, 10088, 10135, 0, 10180, Optional.empty()), c);
    }

    @Test
    void optionsOverrideDefaults() {
        LabConfig c = LabConfig.parse(
                "--state=/tmp/x",
                "--ldap-port=1",
                "--kdc-port=2",
                "--epm-port=3",
                "--icpr-port=4",
                "--officer-port=5",
                "--ca-factory=a.B");
        assertEquals(new LabConfig(Path.of("/tmp/x"), 1, 2, 3, 4, 5, Optional.of("a.B")), c);
    }

    @Test
    void badOptionsAreRefusedWithTheirName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabConfig.parse("--ldap-port=x"))
                .getMessage()
                .contains("--ldap-port"));
        assertThrows(IllegalArgumentException.class, () -> LabConfig.parse("--epm-port=70000"));
        assertThrows(IllegalArgumentException.class, () -> LabConfig.parse("--colour=blue"));
        assertThrows(IllegalArgumentException.class, () -> LabConfig.parse("state"));
    }
}
