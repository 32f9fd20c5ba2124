package org.cews.lab.rpc;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.crypto.KerberosCryptoException;
import org.cews.wcce.kerberos.crypto.KeyUsage;
import org.cews.wcce.kerberos.gss.GssFraming;
import org.cews.wcce.kerberos.gss.NegTokenInit;
import org.cews.wcce.kerberos.gss.NegTokenResp;
import org.cews.wcce.kerberos.messages.ApRep;
import org.cews.wcce.kerberos.messages.ApReq;
import org.cews.wcce.kerberos.messages.Authenticator;
import org.cews.wcce.kerberos.messages.EncTicketPart;
import org.cews.wcce.kerberos.messages.EncryptedData;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.PduProtection;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.server.kerberos.ServiceKeys;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.cews.wcce.server.msrpce.ServerSecurityContext;

/**
 * What the lab's Kerberos acceptor (the connector core's KerberosServerContext, raw or inside
 * SpnegoServerContext) does not check itself, checked around it (issue 11 item 7):
 *
 * <ul>
 *   <li>Replay (RFC 4120 §3.2.3): once the acceptor has taken an AP-REQ and answered it, its
 *       authenticator (client, server, ctime, cusec) goes into the listener's {@link ReplayCache};
 *       the same authenticator again is refused.
 *   <li>Reflection: the third leg of the DCE-style exchange ([MS-KILE] 3.4.5.1) is an AP-REP under
 *       the same key and usage as the acceptor's own, and carries the acceptor's seq-number, so the
 *       acceptor's AP-REP sent back would pass its checks. Whoever holds the session key builds a
 *       new one (a fresh confounder makes new ciphertext); an AP-REP whose enc-part is byte for byte
 *       the one this context sent is refused as reflected, before the acceptor sees it.
 *   <li>Realm: the lab maps a caller to a directory account by name, so a client of another realm
 *       (a cross-realm ticket for alice@OTHER) would become the lab's alice; a client realm other
 *       than the CA's is refused (realms compared without regard to case, as AD does).
 * </ul>
 *
 * The wrapper reads the AP-REQ itself (ticket with the service keys, usage 2; authenticator with the
 * ticket session key, usage 11; RFC 4120 §5.3, §5.5.1) with the core's public codecs, because the
 * acceptor does not expose the authenticator. A refusal fails the context for good.
 */
final class GuardedKerberosContext extends ForwardingSecurityContext {

    private final ServiceKeys keys;
    private final ReplayCache replays;
    private final String realm;
    private byte[] sentApRep;
    private boolean failed;

    GuardedKerberosContext(ServerSecurityContext acceptor, ServiceKeys keys, ReplayCache replays, String realm) {
        super(acceptor);
        this.keys = keys;
        this.replays = replays;
        this.realm = realm;
    }

    @Override
    public Optional<byte[]> accept(byte[] clientToken) throws RpcSecurityException {
        if (failed) {
            throw new RpcSecurityException("Kerberos context (expected: usable, actual: refused before)");
        }
        if (sentApRep != null) {
            Optional<byte[]> apRep = kerberosMessage(clientToken, ApRep.TAG);
            if (apRep.isPresent() && Arrays.equals(encPart(apRep.get()), sentApRep)) {
                throw fail("third-leg AP-REP (expected: the client's, actual: the acceptor's own AP-REP reflected)");
            }
            return delegate.accept(clientToken);
        }
        Optional<ApReqFacts> facts = kerberosMessage(clientToken, ApReq.TAG).flatMap(this::read);
        Optional<byte[]> reply = delegate.accept(clientToken);
        Optional<byte[]> apRep = reply.flatMap(r -> kerberosMessage(r, ApRep.TAG));
        if (apRep.isPresent()) {
            admit(facts.orElseThrow(() -> fail("AP-REQ (expected: readable by the replay check, actual: not)")));
            sentApRep = encPart(apRep.get());
        }
        return reply;
    }

    private void admit(ApReqFacts facts) throws RpcSecurityException {
        if (!facts.clientRealm().toUpperCase(Locale.ROOT).equals(realm.toUpperCase(Locale.ROOT))) {
            throw fail("ticket client realm (expected: " + realm + ", actual: " + facts.clientRealm() + " for "
                    + facts.entry().client() + ")");
        }
        switch (replays.admit(facts.entry())) {
            case REPLAY -> throw fail("authenticator (expected: new, actual: a replay of " + facts.entry() + ")");
            case FULL -> throw fail("replay cache (expected: room, actual: full; authenticator of "
                    + facts.entry().client() + " refused)");
            case FRESH -> {}
        }
    }

    /** The Kerberos message of a raw (16) or SPNEGO (9) token, if it is one with {@code tag}. */
    private Optional<byte[]> kerberosMessage(byte[] token, int tag) {
        try {
            byte[] inner = token;
            if (delegate.authType().equals(AuthType.SPNEGO)) {
                inner = (token.length > 0 && (token[0] & 0xFF) == 0x60)
                        ? NegTokenInit.decode(token).mechToken()
                        : NegTokenResp.decode(token).responseToken();
            }
            if (inner == null) {
                return Optional.empty();
            }
            byte[] message = GssFraming.unframe(inner);
            return message.length > 0 && (message[0] & 0xFF) == tag ? Optional.of(message) : Optional.empty();
        } catch (DerException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] encPart(byte[] apRep) {
        try {
            return ApRep.decode(apRep).encPart().cipher();
        } catch (DerException e) {
            return new byte[0];
        }
    }

    /** The ticket's client realm and the authenticator's identity, if the service keys open them. */
    private Optional<ApReqFacts> read(byte[] message) {
        try {
            ApReq request = ApReq.decode(message);
            EncryptedData sealed = request.ticket().encPart();
            for (ServiceKeys.Entry key : candidates(sealed)) {
                EncTicketPart ticket;
                try {
                    ticket = EncTicketPart.decode(sealed.decrypt(key.key(), KeyUsage.TICKET));
                } catch (KerberosCryptoException e) {
                    continue;
                }
                Authenticator a = Authenticator.decode(
                        request.authenticator().decrypt(ticket.key(), KeyUsage.AP_REQ_AUTHENTICATOR));
                String server =
                        request.ticket().sname() + "@" + request.ticket().realm();
                return Optional.of(new ApReqFacts(
                        ticket.crealm(),
                        new ReplayCache.Entry(
                                a.cname() + "@" + a.crealm(),
                                server,
                                a.ctime(),
                                a.cusec(),
                                sha256(request.authenticator().cipher()))));
            }
            return Optional.empty();
        } catch (DerException | KerberosCryptoException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    /** The keys of the ticket's etype, its kvno first (what the acceptor tries, in its order). */
    private List<ServiceKeys.Entry> candidates(EncryptedData sealed) {
        return keys.entries().stream()
                .filter(e -> e.key().type().equals(sealed.etype()))
                .sorted((a, b) -> Boolean.compare(!matches(a, sealed), !matches(b, sealed)))
                .toList();
    }

    private static boolean matches(ServiceKeys.Entry entry, EncryptedData sealed) {
        return sealed.kvno() != null && entry.kvno() == sealed.kvno();
    }

    private RpcSecurityException fail(String message) {
        failed = true;
        return new RpcSecurityException(message);
    }

    @Override
    public boolean isEstablished() {
        return !failed && delegate.isEstablished();
    }

    @Override
    public RpcPrincipal principal() throws RpcSecurityException {
        if (failed) {
            throw new RpcSecurityException("Kerberos context (expected: established, actual: refused)");
        }
        return delegate.principal();
    }

    @Override
    public PduProtection protection() throws RpcSecurityException {
        if (failed) {
            throw new RpcSecurityException("Kerberos context (expected: established, actual: refused)");
        }
        return delegate.protection();
    }

    private record ApReqFacts(String clientRealm, ReplayCache.Entry entry) {}
}
