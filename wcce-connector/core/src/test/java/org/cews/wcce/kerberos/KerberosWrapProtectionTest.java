package org.cews.wcce.kerberos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.cews.wcce.kerberos.KerberosWrapProtection.Role;
import org.cews.wcce.kerberos.crypto.AesSha1Cipher;
import org.cews.wcce.kerberos.crypto.EncryptionKey;
import org.cews.wcce.kerberos.crypto.EncryptionType;
import org.cews.wcce.kerberos.crypto.KeyUsage;
import org.cews.wcce.kerberos.crypto.RandomSource;
import org.cews.wcce.msrpce.AuthBinding;
import org.cews.wcce.msrpce.AuthLevel;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.AuthVerifier;
import org.cews.wcce.msrpce.PduEncoder;
import org.cews.wcce.msrpce.PfcFlags;
import org.cews.wcce.msrpce.RequestPdu;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.msrpce.StubReassembler;
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
     * docs/RPC-KERBEROS.md §W1.4, step by step, against the class: the client's token header is
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
                "EC | 5 | 24 | wrap token auth_length (expected: 68 for EC 8 and RRC 28, actual: 76)",
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
                "PDU length (expected: stubOffset -1 + length 41 + sec_trailer 8 + a verifier of at least 16 = at"
                        + " least 64, actual: 124)",
                e.getMessage());
        e = assertThrows(RpcSecurityException.class, () -> server().unseal(new byte[STUB + 16 + 8 + 15], STUB, 16));
        assertEquals(
                "PDU length (expected: stubOffset 24 + length 16 + sec_trailer 8 + a verifier of at least 16 = at"
                        + " least 64, actual: 63)",
                e.getMessage());
    }

    // ---- tokens with the sender's own EC ([MS-KILE] 3.4.5.4.1, RFC 4121 §4.2.4) ----

    /** Our test-side sender agrees byte for byte with the class's own EC 16 sealing. */
    @Test
    void theTestSenderWithEc16IsOurOwnSealing() throws Exception {
        byte[] stub = new byte[32];
        new Random(7).nextBytes(stub);
        byte[] ours = pdu(stub, SUBKEY);
        client().seal(ours, STUB, stub.length);
        assertArrayEquals(ours, sealedWith(SUBKEY, false, CLIENT_SEQ, 16, 16, stub, zeros()));
        byte[] reply = pdu(stub, SUBKEY);
        server().seal(reply, STUB, stub.length);
        assertArrayEquals(reply, sealedWith(SUBKEY, true, SERVER_SEQ, 16, 16, stub, zeros()));
    }

    /**
     * impacket-style EC 12 (auth_length 72), EC 0 (60: MS-KILE says a sender must not, Samba accepts
     * it, so do we), EC 4 and the usual 16, for every etype: requests into our acceptor, which still
     * answers with EC 16, and responses from such a peer into our initiator.
     */
    @ParameterizedTest(name = "EC {0}")
    @ValueSource(ints = {0, 4, 12, 16})
    void tokensWithTheSendersEcRoundTripInBothDirections(int ec) throws Exception {
        for (int etype : new int[] {17, 18, 19, 20}) {
            Random random = new Random(etype * 100L + ec);
            EncryptionKey key = EncryptionKey.random(new EncryptionType(etype), random::nextBytes);
            KerberosWrapProtection server =
                    new KerberosWrapProtection(key, Role.ACCEPTOR, true, SERVER_SEQ, CLIENT_SEQ, random::nextBytes);
            KerberosWrapProtection ourClient =
                    new KerberosWrapProtection(key, Role.INITIATOR, true, CLIENT_SEQ, SERVER_SEQ, random::nextBytes);
            KerberosWrapProtection client =
                    new KerberosWrapProtection(key, Role.INITIATOR, true, CLIENT_SEQ, SERVER_SEQ, random::nextBytes);
            int h = key.cipher().checksumLength();
            int i = 0;
            for (int n : new int[] {0, 1, 8, 16, 31, 100, 1024}) {
                byte[] stub = new byte[n];
                random.nextBytes(stub);
                byte[] headers = Arrays.copyOf(pdu(stub, 0), STUB + n + 8);

                byte[] request = sealedWith(key, false, CLIENT_SEQ + i, ec, ec, stub, random::nextBytes);
                assertEquals(STUB + n + 8 + 16 + 16 + (16 + h) + ec, request.length, "auth_length");
                server.unseal(request, STUB, n);
                assertArrayEquals(headers, Arrays.copyOf(request, headers.length), "request, etype " + etype);

                roundTrip(server, ourClient, stub, key); // the reply: ours, EC 16

                byte[] response = sealedWith(key, true, SERVER_SEQ + i, ec, ec, stub, random::nextBytes);
                client.unseal(response, STUB, n);
                assertArrayEquals(headers, Arrays.copyOf(response, headers.length), "response, etype " + etype);
                i++;
            }
            assertEquals(CLIENT_SEQ + i, server.receiveSequence());
            assertEquals(SERVER_SEQ + i, server.sendSequence());
            assertEquals(SERVER_SEQ + i, client.receiveSequence());
        }
    }

    @Test
    void impacketAuthLengthsForAes() throws Exception {
        assertEquals(STUB + 16 + 8 + 72, sealedWith(SUBKEY, false, CLIENT_SEQ, 12, 12, new byte[16], zeros()).length);
        assertEquals(STUB + 16 + 8 + 60, sealedWith(SUBKEY, false, CLIENT_SEQ, 0, 0, new byte[16], zeros()).length);
        assertEquals(76, client().verifierLength()); // what we send does not move
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "EC 12 sent, header says 16 | 12 | 5 | 28 | wrap token auth_length (expected: 76 for EC 16 and RRC 28,"
                        + " actual: 72)",
                "EC 16 sent, header says 0 | 16 | 5 | 16 | wrap token auth_length (expected: 60 for EC 0 and RRC 28,"
                        + " actual: 76)",
                "EC 0 sent, header says 4 | 0 | 5 | 4 | wrap token auth_length (expected: 64 for EC 4 and RRC 28,"
                        + " actual: 60)",
                "EC 12 sent, header EC high byte | 12 | 4 | 1 | wrap token auth_length (expected: 328 for EC 268 and"
                        + " RRC 28, actual: 72)",
                "EC 12 sent, header says RRC 24 | 12 | 7 | 4 | wrap token RRC (expected: 28, actual: 24)",
                "EC 0 sent, header says RRC 0 | 0 | 7 | 28 | wrap token RRC (expected: 28, actual: 0)",
            })
    void anEcOrRrcThatDoesNotMatchTheAuthLengthIsRefused(String name, int ec, int offset, int xor, String message)
            throws Exception {
        byte[] stub = new byte[32];
        byte[] genuine = sealedWith(SUBKEY, false, CLIENT_SEQ, ec, ec, stub, zeros());
        byte[] pdu = genuine.clone();
        int verifier = STUB + stub.length + 8;
        pdu[verifier + offset] ^= (byte) xor;
        byte[] before = pdu.clone();
        KerberosWrapProtection server = server();
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> server.unseal(pdu, STUB, 32));
        assertEquals(message, e.getMessage());
        assertArrayEquals(before, pdu, "the PDU is left alone");
        server.unseal(genuine, STUB, 32); // no sequence number was consumed
        assertArrayEquals(stub, Arrays.copyOfRange(genuine, STUB, STUB + 32));
    }

    /** A sender whose encrypted header copy carries another EC than its outer header. */
    @Test
    void theEncryptedHeaderCopyMustCarryTheOuterEc() throws Exception {
        byte[] pdu = sealedWith(SUBKEY, false, CLIENT_SEQ, 12, 16, new byte[32], zeros());
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> server().unseal(pdu, STUB, 32));
        assertEquals(
                "wrap token encrypted header copy (expected: 050406ff000c00000000000001234567, actual:"
                        + " 050406ff001000000000000001234567)",
                e.getMessage());
    }

    /** A token whose filler is not where its EC says fails the integrity check or the header copy. */
    @Test
    void aTamperedEcCannotBeCompensatedByMovingBytes() throws Exception {
        // EC 12 sent; the attacker says EC 16 and appends 4 bytes so that auth_length adds up
        byte[] sent = sealedWith(SUBKEY, false, CLIENT_SEQ, 12, 12, new byte[32], zeros());
        byte[] pdu = Arrays.copyOf(sent, sent.length + 4);
        pdu[STUB + 32 + 8 + 5] = 16;
        assertThrows(RpcSecurityException.class, () -> server().unseal(pdu, STUB, 32));
    }

    /**
     * The whole receive path: a request fragment with a 72-byte verifier (EC 12) goes through the
     * msrpce reassembler, which passes the auth_length on, to the acceptor's unseal.
     */
    @Test
    void anEc12RequestPassesTheRpcReceivePath() throws Exception {
        byte[] stub = HEX.parseHex("0102030405060708");
        RequestPdu request = new RequestPdu(
                3,
                PfcFlags.FIRST_AND_LAST,
                stub.length,
                0,
                64,
                Optional.empty(),
                stub,
                Optional.of(new AuthVerifier(AuthType.KERBEROS, AuthLevel.PKT_PRIVACY, 1, new byte[8], new byte[72])));
        byte[] frame = PduEncoder.encode(request);
        assertEquals(STUB + 16 + 8 + 72, frame.length);
        sealInto(frame, STUB, 16, SUBKEY, false, CLIENT_SEQ, 12, 12, zeros());
        StubReassembler reassembler =
                StubReassembler.forRequest(1 << 20, Optional.of(new AuthBinding(AuthType.KERBEROS, 1, server())));
        assertTrue(reassembler.add(frame));
        assertArrayEquals(stub, reassembler.stub());
        assertEquals(64, reassembler.opnum());
    }

    /**
     * A test-side sender that, like impacket, picks its own EC: P = stub+pad | EC octets of FF |
     * header (EC {@code innerEc}, RRC 0); X = encrypt(P); R = X rotated right by RRC + EC; the
     * verifier is the header (EC, RRC = 16 + h) followed by all of R but its last len(stub+pad)
     * octets, which replace the stub.
     */
    static byte[] sealedWith(
            EncryptionKey key, boolean byAcceptor, long seq, int ec, int innerEc, byte[] stub, RandomSource random)
            throws Exception {
        int verifier = 16 + 16 + 16 + key.cipher().checksumLength() + ec;
        byte[] pdu = pdu(stub, verifier);
        sealInto(pdu, STUB, stub.length, key, byAcceptor, seq, ec, innerEc, random);
        return pdu;
    }

    static void sealInto(
            byte[] pdu,
            int stubOffset,
            int length,
            EncryptionKey key,
            boolean byAcceptor,
            long seq,
            int ec,
            int innerEc,
            RandomSource random)
            throws Exception {
        int flags = 0x02 | 0x04 | (byAcceptor ? 0x01 : 0);
        int rrc = 16 + key.cipher().checksumLength();
        byte[] plaintext = new byte[length + ec + 16];
        System.arraycopy(pdu, stubOffset, plaintext, 0, length);
        Arrays.fill(plaintext, length, length + ec, (byte) 0xFF);
        System.arraycopy(KerberosWrapProtection.header(flags, innerEc, 0, seq), 0, plaintext, length + ec, 16);
        KeyUsage usage = byAcceptor ? KeyUsage.ACCEPTOR_SEAL : KeyUsage.INITIATOR_SEAL;
        byte[] r = KerberosWrapProtection.rotateRight(
                key.cipher().encrypt(key.value(), usage, plaintext, random), rrc + ec);
        int inVerifier = r.length - length;
        int verifier = stubOffset + length + 8;
        assertEquals(pdu.length, verifier + 16 + inVerifier, "room for the verifier");
        System.arraycopy(KerberosWrapProtection.header(flags, ec, rrc, seq), 0, pdu, verifier, 16);
        System.arraycopy(r, 0, pdu, verifier + 16, inVerifier);
        System.arraycopy(r, inVerifier, pdu, stubOffset, length);
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
