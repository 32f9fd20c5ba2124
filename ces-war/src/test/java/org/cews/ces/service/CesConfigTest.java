package org.cews.ces.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CesConfigTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String key(int fill) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) fill);
        return Base64.getEncoder().encodeToString(k);
    }

    @Test
    void defaultsAreEnrollmentAgentNoGraceWindowsContextAndAGeneratedKey() throws Exception {
        CesConfig c = CesConfig.fromProperties(Map.of(), RANDOM);
        assertEquals(ActingMode.ENROLLMENT_AGENT, c.actingMode());
        assertEquals(Duration.ZERO, c.renewalGrace());
        assertTrue(c.pendingKeyGenerated());
        assertTrue(c.forwards("CDC") && c.forwards("rmd") && c.forwards("ccm"));
        assertFalse(c.forwards("SAN"));
        assertEquals(Optional.empty(), c.baseUrl());
    }

    @Test
    void keyFileSignsWithItsFirstKeyAndVerifiesWithEvery(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pending.keys");
        Files.writeString(file, "# current first\n" + key(2) + "\n\n" + key(1) + "\n");
        CesConfig rotated = CesConfig.fromProperties(
                Map.of("cews.ces.pendingKeyFile", file.toString(), "cews.ces.actingMode", "impersonation"), RANDOM);
        CesConfig old = CesConfig.fromProperties(Map.of("cews.ces.pendingKey", key(1)), RANDOM);
        assertFalse(rotated.pendingKeyGenerated());
        assertEquals(ActingMode.IMPERSONATION, rotated.actingMode());
        var reference = new PendingReferences.PendingReference("Lab-Issuing-CA", 7, "sid:S-1-5-21-1-2-3-1104");
        assertEquals(
                Optional.of(reference),
                rotated.pendingReferences().verify(old.pendingReferences().sign(reference)));
        assertEquals(
                Optional.empty(),
                old.pendingReferences().verify(rotated.pendingReferences().sign(reference)));
    }

    @Test
    void badValuesAreRefusedNamingTheProperty() {
        for (Map<String, String> bad : List.of(
                Map.of("cews.ces.actingMode", "both"),
                Map.of("cews.ces.renewalGraceDays", "-1"),
                Map.of("cews.ces.renewalGraceDays", "soon"),
                Map.of("cews.ces.forwardContext", "cdc,SAN"),
                Map.of("cews.ces.forwardContext", "requestername"),
                Map.of("cews.ces.pendingKey", Base64.getEncoder().encodeToString(new byte[16])),
                Map.of("cews.ces.pendingKey", "not base64!"),
                Map.of("cews.ces.pendingKeyFile", "/nonexistent/keys"),
                Map.of("cews.ces.trustedIssuersFile", "/nonexistent/cas.pem"),
                Map.of("cews.ces.baseUrl", "ces.example.com"))) {
            CesConfig.ConfigurationException e = assertThrows(
                    CesConfig.ConfigurationException.class,
                    () -> CesConfig.fromProperties(bad, RANDOM),
                    bad.toString());
            assertTrue(e.getMessage().startsWith("CES0401 configuration property cews.ces."), e.getMessage());
        }
    }

    @Test
    void referencesAreRefusedWhenMalformed() {
        PendingReferences refs = new PendingReferences(List.of(new byte[32]));
        for (String token : List.of("", ".", "a.b.c", "!!!.???", "x".repeat(PendingReferences.MAX_TOKEN + 1))) {
            assertEquals(Optional.empty(), refs.verify(token), token);
        }
    }
}
