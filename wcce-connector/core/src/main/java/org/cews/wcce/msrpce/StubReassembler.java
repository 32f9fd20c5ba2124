package org.cews.wcce.msrpce;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * Reassembles the fragments of one request or response (C706 12.6.3.3; docs/RPC-NTLM.md
 * §3.2): in arrival order, each fragment is checked against the first (PTYPE, call_id, p_cont_id,
 * opnum, object, sec_trailer), unsealed on its own, stripped of its own auth pad and appended, up
 * to LAST_FRAG. The stub may not grow past {@code maxStubLength}; alloc_hint is never trusted for
 * sizing. Reordered, dropped or repeated fragments fail here or in {@link PduProtection#unseal}. The
 * received auth_length need not equal {@link PduProtection#verifierLength()}: any value from 16 up to
 * what the fragment holds is passed on, and the protection accepts or refuses it.
 */
public final class StubReassembler {

    /** The smallest auth_length passed on to {@link PduProtection#unseal}: NTLM's, a Kerberos token header. */
    static final int MIN_VERIFIER_LENGTH = 16;

    private final PacketType type;
    private final int maxStubLength;
    private final Optional<AuthBinding> auth;
    private final ByteArrayOutputStream stub = new ByteArrayOutputStream();
    private Integer callId;
    private Pdu first;
    private boolean complete;

    private StubReassembler(PacketType type, Integer callId, int maxStubLength, Optional<AuthBinding> auth) {
        this.type = type;
        this.callId = callId;
        this.maxStubLength = maxStubLength;
        this.auth = auth;
    }

    /** For the server: a request whose call_id the first fragment sets. */
    public static StubReassembler forRequest(int maxStubLength, Optional<AuthBinding> auth) {
        return new StubReassembler(PacketType.REQUEST, null, maxStubLength, auth);
    }

    /** For the client: the response to call {@code callId}. */
    public static StubReassembler forResponse(int callId, int maxStubLength, Optional<AuthBinding> auth) {
        return new StubReassembler(PacketType.RESPONSE, callId, maxStubLength, auth);
    }

    /** Adds the next fragment; true once the last one is in. */
    public boolean add(byte[] frame) throws PduException, RpcSecurityException {
        if (complete) {
            throw new IllegalStateException("the call is already reassembled");
        }
        Pdu pdu = PduDecoder.decode(frame);
        checkAgainstFirst(pdu);
        byte[] data = pdu instanceof RequestPdu r ? r.stub() : ((ResponsePdu) pdu).stub();
        int stubOffset = pdu instanceof RequestPdu r ? r.stubOffset() : ResponsePdu.HEADER_LENGTH;
        if (stub.size() + data.length > maxStubLength) {
            throw PduException.mismatch(
                    "reassembled stub", "at most " + maxStubLength + " bytes", stub.size() + data.length);
        }
        if (auth.isPresent()) {
            AuthVerifier v = checkVerifier(pdu.auth(), auth.get());
            auth.get().protection().unseal(frame, stubOffset, data.length + v.pad().length);
            stub.write(frame, stubOffset, data.length);
        } else {
            if (pdu.auth().isPresent()) {
                throw PduException.mismatch("auth_length", 0, pdu.auth().get().value().length);
            }
            stub.write(data, 0, data.length);
        }
        complete = pdu.flags().has(PfcFlag.LAST_FRAG);
        return complete;
    }

    private void checkAgainstFirst(Pdu pdu) throws PduException {
        if (!pdu.type().equals(type)) {
            throw PduException.mismatch("PTYPE", type, pdu.type());
        }
        if (callId != null && pdu.callId() != callId) {
            throw PduException.mismatch(
                    "call_id", Integer.toUnsignedString(callId), Integer.toUnsignedString(pdu.callId()));
        }
        boolean isFirst = first == null;
        if (pdu.flags().has(PfcFlag.FIRST_FRAG) != isFirst) {
            throw PduException.mismatch(
                    "pfc_flags",
                    isFirst ? "FIRST_FRAG on the first fragment" : "no FIRST_FRAG after the first",
                    pdu.flags());
        }
        if (isFirst) {
            first = pdu;
            callId = pdu.callId();
            return;
        }
        if (contextId(pdu) != contextId(first)) {
            throw PduException.mismatch("p_cont_id", contextId(first), contextId(pdu));
        }
        if (pdu instanceof RequestPdu r && first instanceof RequestPdu f) {
            if (r.opnum() != f.opnum()) {
                throw PduException.mismatch("opnum", f.opnum(), r.opnum());
            }
            if (!r.object().equals(f.object())) {
                throw PduException.mismatch("object", f.object(), r.object());
            }
        }
    }

    private static AuthVerifier checkVerifier(Optional<AuthVerifier> present, AuthBinding binding) throws PduException {
        int length = binding.protection().verifierLength();
        if (present.isEmpty()) {
            throw PduException.mismatch("auth_length", length, 0);
        }
        AuthVerifier v = present.get();
        if (!v.authType().equals(binding.authType())) {
            throw PduException.mismatch(
                    "auth_type", binding.authType().code(), v.authType().code());
        }
        if (!v.authLevel().equals(AuthLevel.PKT_PRIVACY)) {
            throw PduException.mismatch("auth_level", AuthLevel.PKT_PRIVACY, v.authLevel());
        }
        if (v.contextId() != binding.contextId()) {
            throw PduException.mismatch("auth_context_id", binding.contextId(), v.contextId());
        }
        // The sender may choose a verifier length other than ours (a Kerberos wrap token's EC,
        // [MS-KILE] 3.4.5.4.1, RFC 4121 §4.2.4): the protection decides. The decoder has already
        // bounded auth_length by the fragment; here it must at least hold a 16-octet verifier.
        if (v.value().length < MIN_VERIFIER_LENGTH) {
            throw PduException.mismatch("auth_length", "at least " + MIN_VERIFIER_LENGTH, v.value().length);
        }
        return v;
    }

    private static int contextId(Pdu pdu) {
        return pdu instanceof RequestPdu r ? r.contextId() : ((ResponsePdu) pdu).contextId();
    }

    public boolean isComplete() {
        return complete;
    }

    /** The reassembled stub; complete only once {@link #add} returned true. */
    public byte[] stub() {
        return stub.toByteArray();
    }

    public int callId() {
        return callId;
    }

    /** The first fragment, still protected; null before any. */
    public Pdu first() {
        return first;
    }

    public int contextId() {
        return contextId(first);
    }

    /** The opnum of a request. */
    public int opnum() {
        return ((RequestPdu) first).opnum();
    }

    public Optional<UUID> object() {
        return first instanceof RequestPdu r ? r.object() : Optional.empty();
    }
}
