package org.cews.wcce.server.msrpce;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cews.wcce.msrpce.AlterContextPdu;
import org.cews.wcce.msrpce.AlterContextRespPdu;
import org.cews.wcce.msrpce.Auth3Pdu;
import org.cews.wcce.msrpce.AuthBinding;
import org.cews.wcce.msrpce.AuthLevel;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.AuthVerifier;
import org.cews.wcce.msrpce.BindAckPdu;
import org.cews.wcce.msrpce.BindNakReason;
import org.cews.wcce.msrpce.BindPdu;
import org.cews.wcce.msrpce.CommonHeader;
import org.cews.wcce.msrpce.FaultStatus;
import org.cews.wcce.msrpce.PfcFlags;
import org.cews.wcce.msrpce.PresentationContext;
import org.cews.wcce.msrpce.PresentationResult;
import org.cews.wcce.msrpce.RpcLimits;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.msrpce.SecTrailer;
import org.cews.wcce.msrpce.SyntaxId;

/**
 * The server's state of one association ([MS-RPCE] 3.3.1.5.2, 3.3.1.5.6; C706 12.6.4): the
 * presentation contexts it accepted, the security context the client is building or has built,
 * and the fragment sizes agreed in the bind. One security context per connection: no
 * multiplexing ([MS-RPCE] 3.3.1.5.4 is not negotiated).
 */
final class ServerAssociation {

    private final RpcServer server;
    private final Map<Integer, RpcInterface> contexts = new HashMap<>();
    private ServerSecurityContext security;
    private AuthType authType;
    private AuthLevel authLevel;
    private int authContextId;
    private String securityFailure;
    private AuthBinding binding;
    private int maxXmitFrag;
    private int maxRecvFrag;
    private int assocGroupId;

    ServerAssociation(RpcServer server) {
        this.server = server;
        this.maxRecvFrag = server.limits().maxRecvFrag();
    }

    BindAckPdu bind(BindPdu bind) throws ServerRejection {
        Optional<AuthVerifier> token = Optional.empty();
        if (bind.auth().isPresent()) {
            AuthVerifier v = bind.auth().get();
            security = server.security()
                    .newContext(v.authType())
                    .orElseThrow(() -> ServerRejection.nak(
                            bind.callId(),
                            BindNakReason.AUTHENTICATION_TYPE_NOT_RECOGNIZED,
                            "bind auth_type (expected: one the server supports, actual: "
                                    + v.authType().code() + ")"));
            authType = v.authType();
            authLevel = v.authLevel();
            authContextId = v.contextId();
            try {
                token = reply(security.accept(v.value()));
            } catch (RpcSecurityException e) {
                throw ServerRejection.nak(bind.callId(), BindNakReason.INVALID_CHECKSUM, e.getMessage());
            }
        }
        RpcLimits limits = server.limits();
        maxXmitFrag = Math.max(CommonHeader.MIN_MAX_FRAG, Math.min(bind.maxRecvFrag(), limits.maxXmitFrag()));
        maxRecvFrag = Math.max(CommonHeader.MIN_MAX_FRAG, Math.min(bind.maxXmitFrag(), limits.maxRecvFrag()));
        assocGroupId = bind.assocGroupId() != 0 ? bind.assocGroupId() : server.newAssocGroupId();
        return new BindAckPdu(
                bind.callId(),
                PfcFlags.FIRST_AND_LAST,
                maxXmitFrag,
                maxRecvFrag,
                assocGroupId,
                server.secondaryAddress(),
                negotiate(bind.contexts()),
                token);
    }

    AlterContextRespPdu alterContext(AlterContextPdu alter) throws ServerRejection {
        Optional<AuthVerifier> token = Optional.empty();
        if (alter.auth().isPresent()) {
            AuthVerifier v = alter.auth().get();
            if (security == null) {
                security = server.security()
                        .newContext(v.authType())
                        .orElseThrow(() -> ServerRejection.fault(
                                alter.callId(),
                                FaultStatus.SEC_PKG_ERROR,
                                "alter_context auth_type (expected: one the server supports, actual: "
                                        + v.authType().code() + ")"));
                authType = v.authType();
                authLevel = v.authLevel();
                authContextId = v.contextId();
            }
            checkLeg(alter.callId(), v, "alter_context");
            try {
                token = reply(security.accept(v.value()));
            } catch (RpcSecurityException e) {
                throw ServerRejection.fault(alter.callId(), FaultStatus.SEC_PKG_ERROR, e.getMessage());
            }
        }
        return new AlterContextRespPdu(
                alter.callId(),
                PfcFlags.FIRST_AND_LAST,
                maxXmitFrag,
                maxRecvFrag,
                assocGroupId,
                "",
                negotiate(alter.contexts()),
                token);
    }

    /** No reply; a refused token fails the first request instead ([MS-RPCE] 3.3.1.5.2.1). */
    void auth3(Auth3Pdu auth3) throws ServerRejection {
        if (security == null) {
            throw ServerRejection.fault(
                    auth3.callId(),
                    FaultStatus.PROTO_ERROR,
                    "auth3 (expected: after an authenticated bind, actual: none)");
        }
        checkLeg(auth3.callId(), auth3.verifier(), "auth3");
        try {
            security.accept(auth3.verifier().value());
        } catch (RpcSecurityException e) {
            securityFailure = e.getMessage();
        }
    }

    private void checkLeg(int callId, AuthVerifier v, String pdu) throws ServerRejection {
        if (security.isEstablished()) {
            throw ServerRejection.fault(
                    callId,
                    FaultStatus.PROTO_ERROR,
                    pdu + " (expected: an unfinished security context, actual: established)");
        }
        if (!v.authType().equals(authType) || v.contextId() != authContextId) {
            throw ServerRejection.fault(
                    callId,
                    FaultStatus.PROTO_ERROR,
                    pdu + " auth_type/auth_context_id (expected: " + authType.code() + "/" + authContextId
                            + ", actual: " + v.authType().code() + "/" + v.contextId() + ")");
        }
    }

    /** The security a request uses, judged from the sec_trailer of its first fragment. */
    Optional<AuthBinding> callSecurity(int callId, CommonHeader h, byte[] firstFrame) throws ServerRejection {
        if (h.authLength() == 0) {
            return Optional.empty();
        }
        SecTrailer t = SecTrailer.decode(firstFrame, h.trailerOffset());
        if (security == null || securityFailure != null || !security.isEstablished()) {
            String actual = security == null ? "none" : securityFailure != null ? securityFailure : "not established";
            throw ServerRejection.fault(
                    callId,
                    FaultStatus.ACCESS_DENIED,
                    "security context (expected: established, actual: " + actual + ")");
        }
        if (!t.authLevel().equals(AuthLevel.PKT_PRIVACY)) {
            throw ServerRejection.fault(
                    callId,
                    FaultStatus.ACCESS_DENIED,
                    "request auth_level (expected: " + AuthLevel.PKT_PRIVACY + ", actual: " + t.authLevel() + ")");
        }
        if (!t.authType().equals(authType) || t.contextId() != authContextId) {
            throw ServerRejection.fault(
                    callId,
                    FaultStatus.ACCESS_DENIED,
                    "request auth_type/auth_context_id (expected: " + authType.code() + "/" + authContextId
                            + ", actual: " + t.authType().code() + "/" + t.contextId() + ")");
        }
        try {
            if (binding == null) {
                binding = new AuthBinding(authType, authContextId, security.protection());
            }
            return Optional.of(binding);
        } catch (RpcSecurityException e) {
            throw ServerRejection.fault(callId, FaultStatus.SEC_PKG_ERROR, e.getMessage());
        }
    }

    /** The interface of an accepted presentation context; a sealed call is needed where it says so. */
    RpcInterface interfaceFor(int callId, int contextId, boolean sealed) throws ServerRejection {
        RpcInterface i = contexts.get(contextId);
        if (i == null) {
            throw ServerRejection.fault(
                    callId,
                    FaultStatus.UNK_IF,
                    "p_cont_id (expected: one of " + contexts.keySet() + ", actual: " + contextId + ")");
        }
        if (i.requirePrivacy() && !sealed) {
            String actual = authLevel == null ? "none" : "none on this call, " + authLevel + " bound";
            throw ServerRejection.fault(
                    callId,
                    FaultStatus.ACCESS_DENIED,
                    "request auth_level (expected: " + AuthLevel.PKT_PRIVACY + ", actual: " + actual + ")");
        }
        return i;
    }

    Optional<RpcPrincipal> caller(int callId, boolean sealed) throws ServerRejection {
        if (!sealed) {
            return Optional.empty();
        }
        try {
            return Optional.of(security.principal());
        } catch (RpcSecurityException e) {
            throw ServerRejection.fault(callId, FaultStatus.ACCESS_DENIED, e.getMessage());
        }
    }

    int maxXmitFrag() {
        return maxXmitFrag;
    }

    int maxRecvFrag() {
        return maxRecvFrag;
    }

    private Optional<AuthVerifier> reply(Optional<byte[]> token) {
        return token.filter(t -> t.length > 0).map(t -> AuthVerifier.token(authType, authLevel, authContextId, t));
    }

    /** One result per proposal, in order: NDR 2.0 for a known interface, else provider_rejection. */
    private List<PresentationResult> negotiate(List<PresentationContext> proposed) {
        return proposed.stream()
                .map(c -> {
                    Optional<RpcInterface> i = server.interfaceFor(c.abstractSyntax());
                    if (i.isEmpty()) {
                        return PresentationResult.providerRejection(
                                PresentationResult.Reason.ABSTRACT_SYNTAX_NOT_SUPPORTED);
                    }
                    if (!c.transferSyntaxes().contains(SyntaxId.NDR20)) {
                        return PresentationResult.providerRejection(
                                PresentationResult.Reason.PROPOSED_TRANSFER_SYNTAXES_NOT_SUPPORTED);
                    }
                    contexts.put(c.contextId(), i.get());
                    return PresentationResult.accept(SyntaxId.NDR20);
                })
                .toList();
    }
}
