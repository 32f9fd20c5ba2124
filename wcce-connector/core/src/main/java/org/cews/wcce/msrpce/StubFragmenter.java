package org.cews.wcce.msrpce;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Splits a call's stub into request or response fragments no longer than the peer's max_recv_frag
 * (C706 12.6.3.3; [MS-RPCE] 2.2.2.6, 2.2.2.11), each a complete PDU protected on its own:
 *
 * <ul>
 *   <li>a non-last chunk is {@code max - header - 8 - auth_length} rounded down to 16, so it needs no
 *       pad; the last chunk is padded to 16 from the start of the stub (docs/RPC-NTLM.md §3);
 *   <li>alloc_hint is the stub bytes remaining from this fragment on; FIRST_FRAG on the first,
 *       LAST_FRAG on the last, both on a single fragment;
 *   <li>each fragment is laid out as {@link PduProtection} documents, with final frag_length and
 *       auth_length and a zeroed verifier, then sealed, in wire order, and handed to the sink.
 * </ul>
 *
 * Without authentication there is no pad and no sec_trailer, and chunks fill the fragment.
 */
public final class StubFragmenter {

    /** Receives each fragment as soon as it is sealed. */
    @FunctionalInterface
    public interface FrameSink {
        void accept(byte[] frame) throws IOException;
    }

    private interface FragmentMaker {
        Pdu make(PfcFlags flags, int allocHint, byte[] chunk, Optional<AuthVerifier> verifier);
    }

    private StubFragmenter() {}

    public static void request(
            int callId,
            int contextId,
            int opnum,
            Optional<UUID> object,
            byte[] stub,
            int maxXmitFrag,
            Optional<AuthBinding> auth,
            FrameSink sink)
            throws IOException, RpcSecurityException {
        int headerLength = RequestPdu.HEADER_LENGTH + (object.isPresent() ? 16 : 0);
        fragment(
                stub,
                headerLength,
                maxXmitFrag,
                auth,
                sink,
                (flags, allocHint, chunk, v) ->
                        new RequestPdu(callId, flags, allocHint, contextId, opnum, object, chunk, v));
    }

    public static void response(
            int callId, int contextId, byte[] stub, int maxXmitFrag, Optional<AuthBinding> auth, FrameSink sink)
            throws IOException, RpcSecurityException {
        fragment(
                stub,
                ResponsePdu.HEADER_LENGTH,
                maxXmitFrag,
                auth,
                sink,
                (flags, allocHint, chunk, v) -> new ResponsePdu(callId, flags, allocHint, contextId, 0, chunk, v));
    }

    /** The largest stub chunk of a non-last fragment. */
    public static int maxChunk(int maxXmitFrag, int headerLength, Optional<AuthBinding> auth) {
        if (auth.isEmpty()) {
            return maxXmitFrag - headerLength;
        }
        int room = maxXmitFrag
                - headerLength
                - SecTrailer.LENGTH
                - auth.get().protection().verifierLength();
        return room & ~15;
    }

    private static void fragment(
            byte[] stub,
            int headerLength,
            int maxXmitFrag,
            Optional<AuthBinding> auth,
            FrameSink sink,
            FragmentMaker maker)
            throws IOException, RpcSecurityException {
        int chunkMax = maxChunk(maxXmitFrag, headerLength, auth);
        if (chunkMax < 16) {
            throw new IllegalArgumentException(
                    "max_xmit_frag leaves no room for stub data (actual: " + maxXmitFrag + ")");
        }
        int offset = 0;
        do {
            int remaining = stub.length - offset;
            int chunk = Math.min(remaining, chunkMax);
            PfcFlags flags = PfcFlags.NONE;
            if (offset == 0) {
                flags = flags.with(PfcFlag.FIRST_FRAG);
            }
            if (chunk == remaining) {
                flags = flags.with(PfcFlag.LAST_FRAG);
            }
            int pad = auth.isPresent() ? (16 - chunk % 16) % 16 : 0;
            Optional<AuthVerifier> verifier = auth.map(a -> new AuthVerifier(
                    a.authType(),
                    AuthLevel.PKT_PRIVACY,
                    a.contextId(),
                    new byte[pad],
                    new byte[a.protection().verifierLength()]));
            byte[] frame = PduEncoder.encode(
                    maker.make(flags, remaining, Arrays.copyOfRange(stub, offset, offset + chunk), verifier));
            if (auth.isPresent()) {
                auth.get().protection().seal(frame, headerLength, chunk + pad);
            }
            sink.accept(frame);
            offset += chunk;
        } while (offset < stub.length);
    }
}
