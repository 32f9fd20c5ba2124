package org.cews.wcce.msnlmp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.cews.wcce.msnlmp.SpecValues.RANDOM_SESSION_KEY;
import static org.cews.wcce.msnlmp.SpecValues.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SessionKeysTest {

    private static final NegotiateFlags ESS = NegotiateFlags.of(NegotiateFlag.EXTENDED_SESSIONSECURITY);

    @Test
    void clientKeysOfTheSpec() {
        // [MS-NLMP] 4.2.4.4 (RandomSessionKey 55x16 is the ExportedSessionKey with KEY_EXCH)
        SessionKeys keys = SessionKeys.derive(RANDOM_SESSION_KEY, SpecValues.CHALLENGE_FLAGS);
        assertEquals("59f600973cc4960a25480a7c196e4c58", hex(keys.clientSealingKey()));
        assertEquals("4788dc861b4782f35d43fd98fe1a2d39", hex(keys.clientSigningKey()));
        assertTrue(keys.keyExchange());
    }

    @Test
    void serverKeysUseTheServerToClientConstantsWithTheirNul() throws Exception {
        SessionKeys keys = SessionKeys.derive(RANDOM_SESSION_KEY, SpecValues.CHALLENGE_FLAGS);
        assertEquals(
                hex(md5(RANDOM_SESSION_KEY, "session key to server-to-client signing key magic constant\0")),
                hex(keys.serverSigningKey()));
        assertEquals(
                hex(md5(RANDOM_SESSION_KEY, "session key to server-to-client sealing key magic constant\0")),
                hex(keys.serverSealingKey()));
        assertNotEquals(hex(keys.clientSealingKey()), hex(keys.serverSealingKey()));
    }

    @Test
    void fiftySixAndFortyBitSealKeysTruncateTheKeyButNotForSigning() throws Exception {
        SessionKeys fullSigning = SessionKeys.derive(RANDOM_SESSION_KEY, SpecValues.CHALLENGE_FLAGS);
        SessionKeys k56 = SessionKeys.derive(RANDOM_SESSION_KEY, ESS.with(NegotiateFlag.NEGOTIATE_56));
        SessionKeys k40 = SessionKeys.derive(RANDOM_SESSION_KEY, ESS);
        String magic = "session key to client-to-server sealing key magic constant\0";
        assertEquals(hex(md5(Arrays.copyOf(RANDOM_SESSION_KEY, 7), magic)), hex(k56.clientSealingKey()));
        assertEquals(hex(md5(Arrays.copyOf(RANDOM_SESSION_KEY, 5), magic)), hex(k40.clientSealingKey()));
        assertEquals(hex(fullSigning.clientSigningKey()), hex(k56.clientSigningKey()));
        assertEquals(hex(fullSigning.serverSigningKey()), hex(k40.serverSigningKey()));
        assertFalse(k40.keyExchange());
    }

    @Test
    void withoutExtendedSessionSecurityThereAreNoKeys() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> SessionKeys.derive(RANDOM_SESSION_KEY, new NegotiateFlags(0x30)));
        assertEquals("only extended session security is implemented (flags: 0x00000030 SIGN|SEAL)", e.getMessage());
    }

    @Test
    void toStringHidesTheKeys() {
        assertEquals(
                "SessionKeys[keyExchange=true, keys redacted]",
                SessionKeys.derive(RANDOM_SESSION_KEY, SpecValues.CHALLENGE_FLAGS)
                        .toString());
    }

    private static byte[] md5(byte[] key, String magic) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        md.update(key);
        return md.digest(magic.getBytes(US_ASCII));
    }
}
