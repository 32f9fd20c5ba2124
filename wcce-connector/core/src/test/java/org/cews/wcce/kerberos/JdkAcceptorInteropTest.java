package org.cews.wcce.kerberos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosKey;
import javax.security.auth.kerberos.KerberosPrincipal;
import org.cews.wcce.kerberos.crypto.AesSha1Cipher;
import org.cews.wcce.kerberos.crypto.EncryptionKey;
import org.cews.wcce.kerberos.crypto.EncryptionType;
import org.cews.wcce.kerberos.crypto.KeyUsage;
import org.cews.wcce.kerberos.gss.GssFraming;
import org.cews.wcce.kerberos.messages.ApRep;
import org.cews.wcce.kerberos.messages.ApReq;
import org.cews.wcce.kerberos.messages.Authenticator;
import org.cews.wcce.kerberos.messages.EncApRepPart;
import org.cews.wcce.kerberos.messages.EncTicketPart;
import org.cews.wcce.kerberos.messages.EncryptedData;
import org.cews.wcce.kerberos.messages.PrincipalName;
import org.cews.wcce.kerberos.messages.Ticket;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.MessageProp;
import org.ietf.jgss.Oid;
import org.junit.jupiter.api.Test;

/**
 * An independent peer: the JDK's own Kerberos acceptor (JGSS, public API) takes our AP-REQ, framed
 * as RFC 4121 wants it, with a ticket our test KDC made; our client reads the JDK's AP-REP; and RFC
 * 4121 Wrap tokens built with our cipher (usages 22 and 24) go both ways. The DCE rotation itself
 * the JDK cannot check: it rotates by RRC alone.
 */
class JdkAcceptorInteropTest {

    private static final String REALM = "LAB.TEST";
    private static final KerberosPrincipal SERVICE =
            new KerberosPrincipal("host/ca.lab.test@" + REALM, KerberosPrincipal.KRB_NT_SRV_INST);

    @Test
    void theJdkAcceptsOurApReqAndWeReadItsApRepAndWrapTokens() throws Exception {
        Random random = new Random(4121);
        KerberosKey serviceKey = new KerberosKey(SERVICE, "casvc-Pa55".toCharArray(), "AES256");
        EncryptionKey sessionKey = EncryptionKey.random(EncryptionType.AES256_CTS_HMAC_SHA1_96, random::nextBytes);
        ServiceTicket ticket = ticket(serviceKey, sessionKey, random);

        KerberosClientContext client = new KerberosClientContext(ticket, random::nextBytes, Clock.systemUTC());
        byte[] apReq = client.initialToken();
        Authenticator authenticator = Authenticator.decode(
                ApReq.decode(apReq).authenticator().decrypt(sessionKey, KeyUsage.AP_REQ_AUTHENTICATOR));

        Subject subject = new Subject();
        subject.getPrincipals().add(SERVICE);
        subject.getPrivateCredentials().add(serviceKey);
        Oid krb5 = new Oid("1.2.840.113554.1.2.2");
        GSSContext jdk = Subject.doAs(subject, (PrivilegedExceptionAction<GSSContext>) () -> {
            GSSManager manager = GSSManager.getInstance();
            GSSCredential credential =
                    manager.createCredential(null, GSSCredential.INDEFINITE_LIFETIME, krb5, GSSCredential.ACCEPT_ONLY);
            return manager.createContext(credential);
        });
        byte[] framed = GssFraming.frame(GssFraming.TOK_AP_REQ, apReq);
        byte[] jdkApRep = Subject.doAs(
                subject, (PrivilegedExceptionAction<byte[]>) () -> jdk.acceptSecContext(framed, 0, framed.length));
        assertTrue(jdk.isEstablished());
        assertEquals("alice@" + REALM, jdk.getSrcName().toString());
        assertTrue(jdk.getMutualAuthState() && jdk.getConfState() && jdk.getIntegState());
        assertEquals(0x60, jdkApRep[0] & 0xFF, "the JDK frames its AP-REP");

        client.nextToken(jdkApRep).orElseThrow(); // reads it: ctime/cusec match, usage 12 decrypts
        assertTrue(client.isEstablished());
        EncApRepPart reply = EncApRepPart.decode(
                ApRep.decode(GssFraming.unframe(jdkApRep)).encPart().decrypt(sessionKey, KeyUsage.AP_REP_ENC_PART));
        byte[] contextKey = (reply.subkey() != null ? reply.subkey() : authenticator.subkey()).value();
        int acceptorSubkeyFlag = reply.subkey() != null ? 0x04 : 0;

        // The JDK seals (usage 22); we open it with our cipher.
        byte[] message = "sealed by the JDK acceptor".getBytes(StandardCharsets.US_ASCII);
        byte[] token = jdk.wrap(message, 0, message.length, new MessageProp(0, true));
        assertEquals("0504", hex(token, 0, 2));
        assertEquals(0x03 | acceptorSubkeyFlag, token[2] & 0xFF, "SentByAcceptor | Sealed");
        int ec = ByteBuffer.wrap(token, 4, 2).getShort();
        int rrc = ByteBuffer.wrap(token, 6, 2).getShort();
        assertEquals(0, ec, "the JDK sends no filler");
        assertEquals(reply.seqNumber(), ByteBuffer.wrap(token, 8, 8).getLong(), "SND_SEQ from the AP-REP");
        byte[] x = Arrays.copyOfRange(token, 16, token.length);
        x = KerberosWrapProtection.rotateLeft(x, rrc);
        byte[] p = AesSha1Cipher.AES256.decrypt(contextKey, KeyUsage.ACCEPTOR_SEAL, x);
        assertEquals(
                new String(message, StandardCharsets.US_ASCII),
                new String(p, 0, message.length, StandardCharsets.US_ASCII));
        byte[] inner = Arrays.copyOfRange(p, message.length + ec, p.length);
        byte[] outer = Arrays.copyOf(token, 16);
        outer[6] = 0;
        outer[7] = 0;
        assertArrayEquals(outer, inner, "the encrypted header copy has RRC 0");

        // We seal (usage 24, EC 16 of FF, RRC 0, SND_SEQ = our seq-number); the JDK opens it.
        byte[] ours = "sealed by our cipher, EC=16".getBytes(StandardCharsets.US_ASCII);
        byte[] header = KerberosWrapProtection.header(0x02 | acceptorSubkeyFlag, 0, authenticator.seqNumber());
        byte[] plaintext = new byte[ours.length + 16 + 16];
        System.arraycopy(ours, 0, plaintext, 0, ours.length);
        Arrays.fill(plaintext, ours.length, ours.length + 16, (byte) 0xFF);
        System.arraycopy(header, 0, plaintext, ours.length + 16, 16);
        byte[] sealed = AesSha1Cipher.AES256.encrypt(contextKey, KeyUsage.INITIATOR_SEAL, plaintext, random::nextBytes);
        byte[] wrapToken = new byte[16 + sealed.length];
        System.arraycopy(header, 0, wrapToken, 0, 16);
        System.arraycopy(sealed, 0, wrapToken, 16, sealed.length);
        MessageProp prop = new MessageProp(0, false);
        byte[] opened = jdk.unwrap(wrapToken, 0, wrapToken.length, prop);
        assertTrue(prop.getPrivacy());
        // JDK 17's WrapToken_v2 drops the header copy but not the EC filler (it always sends EC 0),
        // so what it returns is our message followed by the 16 octets of FF: decrypted correctly.
        assertArrayEquals(Arrays.copyOf(plaintext, ours.length + 16), opened);
    }

    private static ServiceTicket ticket(KerberosKey serviceKey, EncryptionKey sessionKey, Random random)
            throws Exception {
        Instant now = Instant.now();
        PrincipalName alice = PrincipalName.of(PrincipalName.NT_PRINCIPAL, "alice");
        EncTicketPart part = new EncTicketPart(
                0x40A00000, sessionKey, REALM, alice, now.minusSeconds(60), null, now.plus(Duration.ofHours(1)), null);
        EncryptionKey key = new EncryptionKey(new EncryptionType(serviceKey.getKeyType()), serviceKey.getEncoded());
        EncryptedData encPart = EncryptedData.encrypt(
                key, (long) serviceKey.getVersionNumber(), KeyUsage.TICKET, part.encode(), random::nextBytes);
        Ticket ticket = Ticket.of(REALM, PrincipalName.of(PrincipalName.NT_SRV_INST, "host/ca.lab.test"), encPart);
        return ServiceTicket.of(ticket.encoded(), sessionKey, alice, REALM);
    }

    private static String hex(byte[] bytes, int from, int to) {
        return HexFormat.of().formatHex(bytes, from, to);
    }
}
