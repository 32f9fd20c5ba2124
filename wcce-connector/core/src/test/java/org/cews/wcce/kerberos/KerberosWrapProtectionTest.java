package org.cews.wcce.kerberos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.cews.wcce.kerberos.KerberosWrapProtection.Role;
import org.cews.wcce.kerberos.crypto.AesSha1Cipher;
import org.cews.wcce.kerberos.crypto.EncryptionKey;
import org.cews.wcce.kerberos.crypto.EncryptionType;
import org.cews.wcce.kerberos.crypto.KeyUsage;
import org.cews.wcce.kerberos.crypto.RandomSource;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KerberosWrapProtectionTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final int STUB = 24; // common header + request header
    private static final long CLIENT_SEQ = 0x1234567L;
    private static final long SERVER_SEQ = 0x2d06dd57L;
    private static final EncryptionKey SUBKEY = new EncryptionKey(
            EncryptionType.AES256_CTS_HMAC_SHA1_96,
            HEX.parseHex("000102030405060708090a0b0c0d0e0f" + "101112131415161718191a1b1c1d1e1f"));

    @ParameterizedTest(name = "etype {0} -> {1}")
    @CsvSource({"17, 76", "18, 76", "19, 80", "20, 88"})
    void verifierLengthIsFixedPerEncryptionType(int etype, int expected) throws Exception {
        EncryptionType type = new EncryptionType(etype);
        EncryptionKey key = EncryptionKey.random(type, new Random(1)::nextBytes);
        assertEquals(expected, new KerberosWrapProtection(key, Role.INITIATOR, true, 0, 0, zeros()).verifierLength());
    }

    @ParameterizedTest(name = "etype {0}")
    @ValueSource(ints = {17, 18, 19, 20})
    void everySizeRoundTripsInBothDirectionsWithSequenceNumbersPerPdu(int etype) throws Exception {
        Random random = new Random(etype);
        EncryptionKey key = EncryptionKey.random(new EncryptionType(etype), random::nextBytes);
        KerberosWrapProtection client =
                new KerberosWrapProtection(key, Role.INITIATOR, true, CLIENT_SEQ, SERVER_SEQ, random::nextBytes);
        KerberosWrapProtection server =
                new KerberosWrapProtection(key, Role.ACCEPTOR, true, SERVER_SEQ, CLIENT_SEQ, random::nextBytes);
        int pdus = 0;
        for (int n : sizes()) {
            byte[] stub = new byte[n];
            random.nextBytes(stub);
            roundTrip(client, server, stub, key);
            roundTrip(server, client, stub, key);
            pdus++;
        }
        assertEquals(CLIENT_SEQ + pdus, client.sendSequence());
        assertEquals(CLIENT_SEQ + pdus, server.receiveSequence());
        assertEquals(SERVER_SEQ + pdus, server.sendSequence());
        assertEquals(SERVER_SEQ + pdus, client.receiveSequence());
    }

    /**
     * RPC-KERBEROS-WIRE.md §1.4, step by step, against the class: the client's token header is
     * {@code 05 04 06 ff 0010 001c SND_SEQ}, the server's {@code 05 04 07 ff ...}, and the rest is
     * E(filler|header)(32) | HMAC(12) | E(confounder)(16) in the verifier and E(stub) in place.
     */
    @Test
    void goldenLayoutWithAFixedConfounder() throws Exception {
        byte[] stub = HEX.parseHex("0000000000000000" + "3000000000000000"); // stub 8 + pad 8
        byte[] pdu = pdu(stub, SUBKEY);
        new KerberosWrapProtection(SUBKEY, Role.INITIATOR, true, SERVER_SEQ, 0, zeros()).seal(pdu, STUB, 16);

        assertEquals(24 + 16 + 8 + 76, pdu.length); // frag_len 124 as in the wire notes' SamrConnect2
        int verifier = pdu.length - 76;
        assertEquals("050406ff0010001c000000002d06dd57", HEX.formatHex(pdu, verifier, verifier + 16));

        byte[] p = HEX.parseHex(
                "00000000000000000000000000000000" // confounder
                        + HEX.formatHex(stub)
                        + "ffffffffffffffffffffffffffffffff" // filler, EC = 16
                        + "050406ff00100000000000002d06dd57"); // the header with RRC 0
        byte[] x = AesSha1Cipher.AES256.encrypt(
                SUBKEY.value(), KeyUsage.INITIATOR_SEAL, Arrays.copyOfRange(p, 16, p.length), new byte[16]);
        assertEquals(16 + 16 + 16 + 16 + 12, x.length);
        byte[] r = KerberosWrapProtection.rotateRight(x, 28 + 16);
        assertEquals(HEX.formatHex(r, 0, 60), HEX.formatHex(pdu, verifier + 16, pdu.length));
        assertEquals(HEX.formatHex(r, 60, 76), HEX.formatHex(pdu, STUB, STUB + 16));
        // R = E(filler|header) | HMAC | E(confounder) | E(stub): the rotation moved 44 octets to the front
        assertEquals(HEX.formatHex(x, x.length - 12, x.length), HEX.formatHex(r, 32, 44));
        assertEquals(HEX.formatHex(x, 0, 16), HEX.formatHex(r, 44, 60));

        byte[] reply = pdu(stub, SUBKEY);
        new KerberosWrapProtection(SUBKEY, Role.ACCEPTOR, true, SERVER_SEQ, 0, zeros()).seal(reply, STUB, 16);
        assertEquals("050407ff0010001c000000002d06dd57", HEX.formatHex(reply, verifier, verifier + 16));
    }

    @Test
    void thePlaintextOnTheWireIsGone() throws Exception {
        byte[] stub = "a stub that should not be seen..".getBytes();
        byte[] pdu = pdu(stub, SUBKEY);
        client().seal(pdu, STUB, stub.length);
        assertFalse(HEX.formatHex(pdu).contains(HEX.formatHex(stub, 0, 8)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "TOK_ID | 0 | 5 | wrap token TOK_ID (expected: 0x0504, actual: 0x0004)",
                "flags | 2 | 1 | wrap token flags (expected: 0x06, actual: 0x07)",
                "filler | 3 | 255 | wrap token filler (expected: 0xff, actual: 0x00)",
                "EC | 5 | 24 | wrap token EC (expected: 16, actual: 8)",
                "RRC | 7 | 20 | wrap token RRC (expected: 28, actual: 8)",
                "SND_SEQ | 15 | 1 | wrap token encrypted header copy (expected: 050406ff001000000000000001234566,"
                        + " actual: 050406ff001000000000000001234567)",
            })
    void tamperedHeaderFieldsAreRefused(String field, int offset, int xor, String message) throws Exception {
        byte[] pdu = sealedByClient(32);
        pdu[pdu.length - 76 + offset] ^= (byte) xor;
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> server().unseal(pdu, STUB, 32));
        assertEquals(message, e.getMessage());
    }

    @Test
    void everyFlippedCiphertextByteIsRefused() throws Exception {
        byte[] sealed = sealedByClient(32);
        int verifier = sealed.length - 76;
        for (int i = STUB; i < sealed.length; i++) {
            boolean inCiphertext = i < STUB + 32 || i >= verifier + 16;
            if (!inCiphertext) {
                continue;
            }
            byte[] pdu = sealed.clone();
            pdu[i] ^= 0x01;
            RpcSecurityException e =
                    assertThrows(RpcSecurityException.class, () -> server().unseal(pdu, STUB, 32), "flipped byte " + i);
            assertEquals(
                    "wrap token: integrity check of 18 aes256-cts-hmac-sha1-96 under usage 24 (expected: a matching"
                            + " HMAC, actual: a mismatch)",
                    e.getMessage());
        }
    }

    @Test
    void aReplayedOrReorderedPduIsRefusedAndLeavesTheStubAlone() throws Exception {
        KerberosWrapProtection client = client();
        KerberosWrapProtection server = server();
        byte[] first = pdu(new byte[16], SUBKEY);
        byte[] second = pdu(new byte[16], SUBKEY);
        client.seal(first, STUB, 16);
        client.seal(second, STUB, 16);
        byte[] secondCopy = second.clone();
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> server.unseal(second, STUB, 16));
        assertEquals("wrap token SND_SEQ (expected: 19088743, actual: 19088744)", e.getMessage());
        assertArrayEquals(secondCopy, second);
        byte[] firstCopy = first.clone();
        server.unseal(first, STUB, 16);
        e = assertThrows(RpcSecurityException.class, () -> server.unseal(firstCopy, STUB, 16));
        assertEquals("wrap token SND_SEQ (expected: 19088744, actual: 19088743)", e.getMessage());
        server.unseal(secondCopy, STUB, 16);
    }

    @Test
    void aTokenReflectedBackToItsSenderIsRefused() throws Exception {
        byte[] pdu = sealedByClient(16);
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> client().unseal(pdu, STUB, 16));
        assertEquals("wrap token flags (expected: 0x07, actual: 0x06)", e.getMessage());
    }

    @Test
    void aDifferentKeyFailsTheIntegrityCheck() throws Exception {
        byte[] pdu = sealedByClient(16);
        EncryptionKey other = new EncryptionKey(EncryptionType.AES256_CTS_HMAC_SHA1_96, new byte[32]);
        KerberosWrapProtection server = new KerberosWrapProtection(other, Role.ACCEPTOR, true, 0, CLIENT_SEQ, zeros());
        assertThrows(RpcSecurityException.class, () -> server.unseal(pdu, STUB, 16));
    }

    @Test
    void aLayoutThatDoesNotAddUpIsRefused() throws Exception {
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> client().seal(new byte[100], STUB, 16));
        assertEquals(
                "PDU length (expected: stubOffset 24 + length 16 + sec_trailer 8 + verifier 76 = 124, actual: 100)",
                e.getMessage());
        e = assertThrows(RpcSecurityException.class, () -> server().unseal(new byte[124], -1, 41));
        assertEquals(
                "PDU length (expected: stubOffset -1 + length 41 + sec_trailer 8 + verifier 76 = 124, actual: 124)",
                e.getMessage());
    }

    private static void roundTrip(
            KerberosWrapProtection sender, KerberosWrapProtection receiver, byte[] stub, EncryptionKey key)
            throws Exception {
        byte[] pdu = pdu(stub, key);
        byte[] headers = Arrays.copyOf(pdu, STUB + stub.length + 8);
        sender.seal(pdu, STUB, stub.length);
        assertArrayEquals(Arrays.copyOf(headers, STUB), Arrays.copyOf(pdu, STUB), "headers untouched");
        receiver.unseal(pdu, STUB, stub.length);
        assertArrayEquals(headers, Arrays.copyOf(pdu, headers.length), "stub of " + stub.length);
    }

    private static int[] sizes() {
        int[] sizes = new int[101 + 7];
        for (int i = 0; i <= 100; i++) {
            sizes[i] = i;
        }
        int[] more = {127, 128, 129, 255, 256, 4096, 5840 - 24 - 8 - 76};
        System.arraycopy(more, 0, sizes, 101, more.length);
        return sizes;
    }

    /** A PDU with recognisable header and sec_trailer bytes and room for the verifier. */
    static byte[] pdu(byte[] stub, EncryptionKey key) throws Exception {
        return pdu(stub, new KerberosWrapProtection(key, Role.INITIATOR, true, 0, 0, zeros()).verifierLength());
    }

    static byte[] pdu(byte[] stub, int verifier) {
        byte[] pdu = new byte[STUB + stub.length + 8 + verifier];
        for (int i = 0; i < STUB; i++) {
            pdu[i] = (byte) (0xA0 + i);
        }
        System.arraycopy(stub, 0, pdu, STUB, stub.length);
        System.arraycopy(HEX.parseHex("1006080000000000"), 0, pdu, STUB + stub.length, 8);
        return pdu;
    }

    private static byte[] sealedByClient(int length) throws Exception {
        byte[] pdu = pdu(new byte[length], SUBKEY);
        client().seal(pdu, STUB, length);
        return pdu;
    }

    private static KerberosWrapProtection client() throws Exception {
        return new KerberosWrapProtection(SUBKEY, Role.INITIATOR, true, CLIENT_SEQ, SERVER_SEQ, zeros());
    }

    private static KerberosWrapProtection server() throws Exception {
        return new KerberosWrapProtection(SUBKEY, Role.ACCEPTOR, true, SERVER_SEQ, CLIENT_SEQ, zeros());
    }

    private static RandomSource zeros() {
        return out -> Arrays.fill(out, (byte) 0);
    }
}
