package org.cews.wcce.msnlmp;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static org.cews.wcce.msnlmp.SpecValues.RANDOM_SESSION_KEY;
import static org.cews.wcce.msnlmp.SpecValues.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class NtlmSealingTest {

    private static final SessionKeys KEYS = SessionKeys.derive(RANDOM_SESSION_KEY, SpecValues.CHALLENGE_FLAGS);

    private static NtlmSealing clientToServer(SessionKeys keys) {
        return new NtlmSealing(keys.clientSigningKey(), keys.clientSealingKey(), keys.keyExchange());
    }

    @Test
    void gssWrapExampleOfTheSpec() throws Exception {
        // [MS-NLMP] 4.2.4.4: "Plaintext" in UTF-16LE, SeqNum 0, the message is both MACed and sealed.
        byte[] message = "Plaintext".getBytes(UTF_16LE);
        byte[] signature = clientToServer(KEYS).seal(message, message.length, 0, message.length);
        assertEquals("54e50165bf1936dc996020c1811b0f06fb5f", hex(message));
        assertEquals("01000000" + "7fb38ec5c55d4976" + "00000000", hex(signature));
    }

    @Test
    void unsealingTheSpecExampleGivesThePlaintextBack() throws Exception {
        byte[] sealed = SpecValues.hex("54e50165bf1936dc996020c1811b0f06fb5f");
        clientToServer(KEYS)
                .unseal(sealed, sealed.length, 0, sealed.length, SpecValues.hex("010000007fb38ec5c55d497600000000"), 0);
        assertEquals("Plaintext", new String(sealed, UTF_16LE));
    }

    @Test
    void theChecksumBeforeRc4IsTheHmacOfTheSpec() throws Exception {
        // 4.2.4.4: HMAC_MD5(SigningKey, SeqNum ‖ Message)[0..7] = 7035 2851 f256 4309; without KEY_EXCH
        // the checksum goes out like that, unencrypted.
        SessionKeys noKeyExchange = new SessionKeys(
                KEYS.clientSigningKey(),
                KEYS.clientSealingKey(),
                KEYS.serverSigningKey(),
                KEYS.serverSealingKey(),
                false);
        byte[] message = "Plaintext".getBytes(UTF_16LE);
        byte[] signature = clientToServer(noKeyExchange).seal(message, message.length, 0, message.length);
        assertEquals("01000000" + "70352851f2564309" + "00000000", hex(signature));
    }

    @Test
    void oneKeystreamAcrossMessages() throws Exception {
        // The second message must not be sealed with a freshly keyed RC4 (docs/RPC-NTLM.md §1.4).
        NtlmSealing sealing = clientToServer(KEYS);
        byte[] first = "Plaintext".getBytes(UTF_16LE);
        sealing.seal(first, first.length, 0, first.length);
        byte[] second = "Plaintext".getBytes(UTF_16LE);
        byte[] signature = sealing.seal(second, second.length, 0, second.length);
        assertNotEquals(hex(first), hex(second));
        assertEquals("01000000", hex(signature).substring(0, 8));
        assertEquals("01000000", hex(signature).substring(24)); // SeqNum 1
    }
}
