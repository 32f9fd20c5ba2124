package org.cews.wcce.msrpce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fragment layout, sizes, flags and alloc_hint, and the round trip through {@link StubReassembler}. */
class StubFragmenterTest {

    static Optional<AuthBinding> binding(PduProtection protection) {
        return Optional.of(new AuthBinding(AuthType.NTLM, 0, protection));
    }

    static Optional<AuthBinding> toy(int verifierLength, boolean initiator) {
        if (verifierLength == 0) {
            return Optional.empty();
        }
        return binding(initiator ? ToyProtection.initiator(verifierLength) : ToyProtection.acceptor(verifierLength));
    }

    static List<byte[]> request(byte[] stub, int maxXmit, Optional<AuthBinding> auth, Optional<UUID> object)
            throws Exception {
        List<byte[]> frames = new ArrayList<>();
        StubFragmenter.request(7, 0, 42, object, stub, maxXmit, auth, frames::add);
        return frames;
    }

    static byte[] stub(int length) {
        byte[] stub = new byte[length];
        new Random(length).nextBytes(stub);
        return stub;
    }

    /** Sizes around the chunk boundaries, for unauthenticated, NTLM-sized and Kerberos-sized verifiers. */
    @ParameterizedTest(name = "max {0}, verifier {1}, object {2}")
    @CsvSource({
        "160, 0, false",
        "160, 16, false",
        "160, 76, false",
        "200, 76, true",
        "1432, 16, false",
        "5840, 16, false",
        "5840, 76, true"
    })
    void everySizeAroundTheBoundariesRoundTrips(int maxXmit, int verifierLength, boolean withObject) throws Exception {
        Optional<UUID> object = withObject ? Optional.of(UUID.randomUUID()) : Optional.empty();
        int header = 24 + (withObject ? 16 : 0);
        Optional<AuthBinding> sender = toy(verifierLength, true);
        int chunk = StubFragmenter.maxChunk(maxXmit, header, sender);
        int[] sizes = {
            0, 1, 15, 16, 17, chunk - 1, chunk, chunk + 1, 2 * chunk - 1, 2 * chunk, 2 * chunk + 1, 5 * chunk + 7
        };
        for (int size : sizes) {
            String what = "stub " + size;
            byte[] stub = stub(size);
            List<byte[]> frames = request(stub, maxXmit, toy(verifierLength, true), object);
            assertEquals(Math.max(1, (size + chunk - 1) / chunk), frames.size(), what);
            int offset = 0;
            for (int i = 0; i < frames.size(); i++) {
                byte[] frame = frames.get(i);
                CommonHeader h = CommonHeader.decode(frame);
                RequestPdu pdu = (RequestPdu) PduDecoder.decode(frame);
                boolean last = i == frames.size() - 1;
                assertTrue(frame.length <= maxXmit, what + ": frag_length " + frame.length);
                assertEquals(i == 0, h.flags().has(PfcFlag.FIRST_FRAG), what + " FIRST_FRAG of " + i);
                assertEquals(last, h.flags().has(PfcFlag.LAST_FRAG), what + " LAST_FRAG of " + i);
                assertEquals(withObject, h.flags().has(PfcFlag.OBJECT_UUID), what);
                assertEquals(size - offset, pdu.allocHint(), what + " alloc_hint of " + i);
                assertEquals(7, pdu.callId());
                assertEquals(42, pdu.opnum());
                assertEquals(object, pdu.object());
                int pad = pdu.auth().map(a -> a.pad().length).orElse(0);
                if (!last) {
                    assertEquals(chunk, pdu.stub().length, what + " chunk of " + i);
                    assertEquals(0, pad, what + " pad of " + i);
                }
                if (verifierLength > 0) {
                    assertEquals(0, (pdu.stub().length + pad) % 16, what + " stub+pad of " + i);
                    assertEquals(verifierLength, h.authLength());
                    assertEquals(
                            new SecTrailer(AuthType.NTLM, AuthLevel.PKT_PRIVACY, pad, 0),
                            pdu.auth().get().trailer());
                } else {
                    assertEquals(0, h.authLength());
                }
                offset += pdu.stub().length;
            }
            assertEquals(size, offset, what);
            StubReassembler reassembler = StubReassembler.forRequest(1 << 20, toy(verifierLength, false));
            for (byte[] frame : frames) {
                reassembler.add(frame);
            }
            assertTrue(reassembler.isComplete(), what);
            assertArrayEquals(stub, reassembler.stub(), what);
            assertEquals(42, reassembler.opnum());
            assertEquals(object, reassembler.object());
        }
    }

    @Test
    void sealedFragmentIsLaidOutAsSambaAcceptedIt() throws Exception {
        // SamrConnect2 (docs/RPC-NTLM.md §1.4): call 2, opnum 57, 8-byte stub, padded to 16.
        // A protection that seals nothing but records its arguments and writes Samba's verifier shows
        // our plaintext layout around the stub, byte for byte.
        List<int[]> sealed = new ArrayList<>();
        PduProtection recorder = new PduProtection() {
            @Override
            public int verifierLength() {
                return 16;
            }

            @Override
            public void seal(byte[] pdu, int stubOffset, int length) {
                sealed.add(new int[] {stubOffset, length});
                System.arraycopy(Golden.hex("01000000 c5b07479d281bde3 00000000"), 0, pdu, pdu.length - 16, 16);
            }

            @Override
            public void unseal(byte[] pdu, int stubOffset, int length) {
                throw new UnsupportedOperationException();
            }
        };
        byte[] stub = Golden.hex("0102030405060708");
        List<byte[]> frames = new ArrayList<>();
        StubFragmenter.request(2, 0, 57, Optional.empty(), stub, 5840, binding(recorder), frames::add);
        assertEquals(1, frames.size());
        assertEquals(
                "05000003 10000000 4000 1000 02000000 | 08000000 0000 3900 | 0102030405060708 0000000000000000 |"
                        + " 0a06080000000000 | 01000000 c5b07479d281bde3 00000000",
                spaced(frames.get(0)));
        assertArrayEquals(new int[] {24, 16}, sealed.get(0));
    }

    private static String spaced(byte[] f) {
        String h = Golden.hex(f);
        return h.substring(0, 8) + " " + h.substring(8, 16) + " " + h.substring(16, 20) + " " + h.substring(20, 24)
                + " " + h.substring(24, 32) + " | " + h.substring(32, 40) + " " + h.substring(40, 44) + " "
                + h.substring(44, 48) + " | " + h.substring(48, 64) + " " + h.substring(64, 80) + " | "
                + h.substring(80, 96) + " | " + h.substring(96, 104) + " " + h.substring(104, 120) + " "
                + h.substring(120);
    }

    @Test
    void sambaResponseTableForNtlmAndKerberos() throws Exception {
        // docs/RPC-NTLM.md §3.2: SamrEnumerateUsersInDomain, stub 20 624 bytes, max_recv 5840.
        assertResponseFragments(16, new int[] {5840, 5840, 5840, 3296}, new int[] {20624, 14832, 9040, 3248});
        assertResponseFragments(76, new int[] {5836, 5836, 5836, 3548}, new int[] {20624, 14896, 9168, 3440});
    }

    private static void assertResponseFragments(int verifierLength, int[] fragLengths, int[] allocHints)
            throws Exception {
        List<byte[]> frames = new ArrayList<>();
        StubFragmenter.response(9, 0, stub(20624), 5840, toy(verifierLength, false), frames::add);
        assertArrayEquals(fragLengths, frames.stream().mapToInt(f -> f.length).toArray());
        int[] hints = new int[frames.size()];
        int[] flags = new int[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            hints[i] = ((ResponsePdu) PduDecoder.decode(frames.get(i))).allocHint();
            flags[i] = frames.get(i)[3];
        }
        assertArrayEquals(allocHints, hints);
        assertArrayEquals(new int[] {0x01, 0x00, 0x00, 0x02}, flags);
    }

    @Test
    void sambaRequestTableForNtlmAndKerberos() throws Exception {
        // docs/RPC-NTLM.md §3.3: SamrLookupNamesInDomain, stub 24 636 bytes; the last pad is 4.
        List<byte[]> ntlm = request(stub(24636), 5840, toy(16, true), Optional.empty());
        assertArrayEquals(
                new int[] {5840, 5840, 5840, 5840, 1520},
                ntlm.stream().mapToInt(f -> f.length).toArray());
        RequestPdu lastNtlm = (RequestPdu) PduDecoder.decode(ntlm.get(4));
        assertEquals(1468, lastNtlm.stub().length);
        assertEquals(4, lastNtlm.auth().orElseThrow().pad().length);
        List<byte[]> krb = request(stub(24636), 5840, toy(76, true), Optional.empty());
        assertArrayEquals(
                new int[] {5836, 5836, 5836, 5836, 1836},
                krb.stream().mapToInt(f -> f.length).toArray());
        assertEquals(1724, ((RequestPdu) PduDecoder.decode(krb.get(4))).stub().length);
    }

    @Test
    void eachFragmentIsSealedOnItsOwnInWireOrder() throws Exception {
        List<int[]> calls = new ArrayList<>();
        ToyProtection inner = ToyProtection.initiator(16);
        PduProtection recording = new PduProtection() {
            @Override
            public int verifierLength() {
                return 16;
            }

            @Override
            public void seal(byte[] pdu, int stubOffset, int length) {
                calls.add(new int[] {pdu.length, stubOffset, length});
                inner.seal(pdu, stubOffset, length);
            }

            @Override
            public void unseal(byte[] pdu, int stubOffset, int length) {
                throw new UnsupportedOperationException();
            }
        };
        List<byte[]> frames = new ArrayList<>();
        StubFragmenter.request(3, 0, 1, Optional.empty(), stub(300), 160, binding(recording), frames::add);
        // chunk = (160 - 24 - 8 - 16) & ~15 = 112: 112, 112, 76 (+ pad 4)
        assertEquals(3, calls.size());
        assertArrayEquals(new int[] {160, 24, 112}, calls.get(0));
        assertArrayEquals(new int[] {160, 24, 112}, calls.get(1));
        assertArrayEquals(new int[] {24 + 80 + 8 + 16, 24, 80}, calls.get(2));
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(i, seqOf(frames.get(i)), "seq of fragment " + i);
        }
    }

    private static int seqOf(byte[] frame) {
        return WireReader.getU32(frame, frame.length - 4);
    }

    @Test
    void unauthenticatedChunksFillTheFragment() throws Exception {
        List<byte[]> frames = request(stub(100), 60, Optional.empty(), Optional.empty());
        // 60 - 24 = 36 bytes per fragment, no pad, no trailer.
        assertArrayEquals(
                new int[] {60, 60, 24 + 28},
                frames.stream().mapToInt(f -> f.length).toArray());
        assertTrue(frames.stream().allMatch(f -> WireReader.getU16(f, 10) == 0));
        byte[] joined = new byte[0];
        for (byte[] f : frames) {
            byte[] part = Arrays.copyOfRange(f, 24, f.length);
            byte[] next = Arrays.copyOf(joined, joined.length + part.length);
            System.arraycopy(part, 0, next, joined.length, part.length);
            joined = next;
        }
        assertArrayEquals(stub(100), joined);
        assertEquals(
                List.of(100, 64, 28),
                IntStream.range(0, 3)
                        .mapToObj(i -> WireReader.getU32(frames.get(i), 16))
                        .toList());
    }
}
