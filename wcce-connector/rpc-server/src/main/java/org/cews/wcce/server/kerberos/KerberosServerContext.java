package org.cews.wcce.server.kerberos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cews.wcce.kerberos.ApExchange;
import org.cews.wcce.kerberos.DceStyle;
import org.cews.wcce.kerberos.KerberosWrapProtection;
import org.cews.wcce.kerberos.KerberosWrapProtection.Role;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.crypto.EncryptionKey;
import org.cews.wcce.kerberos.crypto.EncryptionType;
import org.cews.wcce.kerberos.crypto.KerberosCryptoException;
import org.cews.wcce.kerberos.crypto.KeyUsage;
import org.cews.wcce.kerberos.crypto.RandomSource;
import org.cews.wcce.kerberos.gss.GssFraming;
import org.cews.wcce.kerberos.gss.MicToken;
import org.cews.wcce.kerberos.gss.TokenFlag;
import org.cews.wcce.kerberos.messages.ApReq;
import org.cews.wcce.kerberos.messages.Authenticator;
import org.cews.wcce.kerberos.messages.EncApRepPart;
import org.cews.wcce.kerberos.messages.EncTicketPart;
import org.cews.wcce.kerberos.messages.EncryptedData;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.PduProtection;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.cews.wcce.server.msrpce.ServerSecurityContext;

/**
 * The acceptor of the DCE-style AP exchange ([MS-KILE] 3.4.5.1; RFC 4120 §3.2.3) for auth_type 16,
 * for the lab's RPC server. Leg 1: the ticket is decrypted with the service key (usage 2) and
 * checked for validity, the Authenticator (usage 11) for its client, its clock skew (5 minutes) and
 * a 0x8003 checksum with DCE_STYLE; the reply is an AP-REP (usage 12) with a fresh acceptor subkey
 * and a random seq-number. Leg 3: the client's AP-REP must be an AP-REP (tag, pvno 5, msg-type 15)
 * whose enc-part decrypts under the ticket session key with usage 12 and, when it has a
 * seq-number, carries ours. {@link SpnegoServerContext} wraps this for auth_type 9.
 *
 * <p>Leg 3's ctime/cusec are not compared with the Authenticator's, because a real acceptor does
 * not compare them: Samba 4.17's (Heimdal's {@code acceptor_wait_for_dcestyle}, which clears
 * KRB5_AUTH_CONTEXT_DO_TIME around {@code krb5_rd_rep} for this message) completed sealed SAMR
 * calls for impacket 0.10, whose third leg carries its current time, and for a third leg dated
 * 2001-01-01, while it refused (fault 0x721) a wrong seq-number, the acceptor subkey or usage 11
 * instead of the ticket key and usage 12, msg-type 14, pvno 4 and an undecodable AP-REP
 * (measured; docs/RPC-KERBEROS.md §2). [MS-KILE] 3.4.5.1 has the client build this AP-REP "exactly
 * as the server would" and the server verify that it "is constructed correctly" (RFC 4120
 * §3.2.5); the decryption, type and seq-number checks are what Samba takes that to mean.
 */
public final class KerberosServerContext implements ServerSecurityContext {

    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private enum State {
        NEW,
        SENT_AP_REP,
        ESTABLISHED,
        FAILED
    }

    private final ServiceKeys keys;
    private final RandomSource random;
    private final Clock clock;
    private State state = State.NEW;
    private EncTicketPart ticket;
    private Authenticator authenticator;
    private EncryptionKey acceptorSubkey;
    private long nextSend;
    private long nextReceive;
    private KerberosWrapProtection protection;

    public KerberosServerContext(ServiceKeys keys, RandomSource random, Clock clock) {
        this.keys = keys;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public AuthType authType() {
        return AuthType.KERBEROS;
    }

    /** The AP-REQ of the bind gets the AP-REP; the client's AP-REP of the third leg gets nothing. */
    @Override
    public Optional<byte[]> accept(byte[] clientToken) throws RpcSecurityException {
        try {
            if (state == State.NEW) {
                return Optional.of(acceptApReq(clientToken));
            }
            expect(State.SENT_AP_REP);
            // ctime/cusec unchecked, as by Samba (class comment; docs/RPC-KERBEROS.md §2)
            EncApRepPart third = ApExchange.readApRep(clientToken, ticket.key());
            // Samba accepts a third leg without seq-number and refuses the client's own (docs/RPC-KERBEROS.md §W3.1)
            if (third.seqNumber() != null && third.seqNumber() != nextSend) {
                throw fail(
                        "third-leg AP-REP seq-number (expected: " + nextSend + ", actual: " + third.seqNumber() + ")");
            }
            state = State.ESTABLISHED;
            return Optional.empty();
        } catch (DerException | KerberosCryptoException e) {
            throw fail((state == State.NEW ? "AP-REQ: " : "third-leg AP-REP: ") + e.getMessage());
        } catch (RpcSecurityException e) {
            state = State.FAILED;
            throw e;
        }
    }

    private byte[] acceptApReq(byte[] token) throws DerException, KerberosCryptoException, RpcSecurityException {
        ApReq request = ApReq.decode(GssFraming.unframe(token));
        ticket = decryptTicket(request);
        Instant now = clock.instant();
        Instant start = ticket.starttime() != null ? ticket.starttime() : ticket.authtime();
        if ((ticket.flags() & EncTicketPart.INVALID) != 0) {
            throw fail("ticket flags (expected: not invalid, actual: invalid)");
        }
        if (start.isAfter(now.plus(MAX_SKEW))) {
            throw fail("ticket starttime (expected: before " + now.plus(MAX_SKEW) + ", actual: " + start + ")");
        }
        if (ticket.endtime().isBefore(now.minus(MAX_SKEW))) {
            throw fail(
                    "ticket endtime (expected: after " + now.minus(MAX_SKEW) + ", actual: " + ticket.endtime() + ")");
        }
        authenticator =
                Authenticator.decode(request.authenticator().decrypt(ticket.key(), KeyUsage.AP_REQ_AUTHENTICATOR));
        if (!authenticator.cname().equals(ticket.cname())
                || !authenticator.crealm().equals(ticket.crealm())) {
            throw fail("authenticator client (expected: " + ticket.cname() + "@" + ticket.crealm() + ", actual: "
                    + authenticator.cname() + "@" + authenticator.crealm() + ")");
        }
        if (Duration.between(authenticator.ctime(), now).abs().compareTo(MAX_SKEW) > 0) {
            throw fail("authenticator ctime (expected: within 5 minutes of " + now + ", actual: "
                    + authenticator.ctime() + ")");
        }
        DceStyle.require(authenticator.cksum());
        EncryptionType subkeyType = authenticator.subkey() != null
                        && authenticator.subkey().type().cipher().isPresent()
                ? authenticator.subkey().type()
                : ticket.key().type();
        acceptorSubkey = EncryptionKey.random(subkeyType, random);
        nextSend = random.nextSequenceNumber();
        nextReceive = authenticator.seqNumber() == null ? 0 : authenticator.seqNumber();
        state = State.SENT_AP_REP;
        return ApExchange.apRep(
                ticket.key(),
                new EncApRepPart(authenticator.ctime(), authenticator.cusec(), acceptorSubkey, nextSend),
                random);
    }

    private EncTicketPart decryptTicket(ApReq request) throws DerException, RpcSecurityException {
        EncryptedData encPart = request.ticket().encPart();
        List<EncryptionKey> candidates = keys.candidates(encPart.etype(), encPart.kvno());
        if (candidates.isEmpty()) {
            throw fail("service key (expected: one for etype " + encPart.etype() + " kvno " + encPart.kvno()
                    + ", actual: none)");
        }
        KerberosCryptoException last = null;
        for (EncryptionKey key : candidates) {
            try {
                return EncTicketPart.decode(encPart.decrypt(key, KeyUsage.TICKET));
            } catch (KerberosCryptoException e) {
                last = e;
            }
        }
        throw fail("ticket: " + last.getMessage());
    }

    @Override
    public boolean isEstablished() {
        return state == State.ESTABLISHED;
    }

    @Override
    public RpcPrincipal principal() throws RpcSecurityException {
        expect(State.ESTABLISHED);
        return new RpcPrincipal(ticket.cname().toString(), ticket.crealm());
    }

    @Override
    public PduProtection protection() throws RpcSecurityException {
        expect(State.ESTABLISHED);
        if (protection == null) {
            try {
                protection =
                        new KerberosWrapProtection(acceptorSubkey, Role.ACCEPTOR, true, nextSend, nextReceive, random);
            } catch (KerberosCryptoException e) {
                throw fail("acceptor subkey: " + e.getMessage());
            }
        }
        return protection;
    }

    /** The client's mechListMIC: usage 25, consuming one receive sequence number. */
    void verifyMic(byte[] message, byte[] token) throws RpcSecurityException {
        expectBeforeProtection();
        try {
            MicToken.verify(
                    acceptorSubkey.cipher(),
                    acceptorSubkey.value(),
                    KeyUsage.INITIATOR_SIGN,
                    TokenFlag.of(false, false, true),
                    nextReceive,
                    message,
                    token);
            nextReceive++;
        } catch (KerberosCryptoException e) {
            throw fail("client mechListMIC: " + e.getMessage());
        }
    }

    /** Our mechListMIC: usage 23, consuming one send sequence number. */
    byte[] signMic(byte[] message) throws RpcSecurityException {
        expectBeforeProtection();
        try {
            return MicToken.sign(
                    acceptorSubkey.cipher(),
                    acceptorSubkey.value(),
                    KeyUsage.ACCEPTOR_SIGN,
                    TokenFlag.of(true, false, true),
                    nextSend++,
                    message);
        } catch (KerberosCryptoException e) {
            throw fail("mechListMIC: " + e.getMessage());
        }
    }

    private void expectBeforeProtection() throws RpcSecurityException {
        expect(State.ESTABLISHED);
        if (protection != null) {
            throw fail("mechListMIC (expected: before the first protected PDU, actual: after)");
        }
    }

    private void expect(State expected) throws RpcSecurityException {
        if (state != expected) {
            throw new RpcSecurityException(
                    "Kerberos server context state (expected: " + expected + ", actual: " + state + ")");
        }
    }

    private RpcSecurityException fail(String message) {
        state = State.FAILED;
        return new RpcSecurityException(message);
    }
}
