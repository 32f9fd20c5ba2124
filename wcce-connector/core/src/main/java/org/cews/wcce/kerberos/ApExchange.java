package org.cews.wcce.kerberos;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.crypto.EncryptionKey;
import org.cews.wcce.kerberos.crypto.KerberosCryptoException;
import org.cews.wcce.kerberos.crypto.KeyUsage;
import org.cews.wcce.kerberos.crypto.RandomSource;
import org.cews.wcce.kerberos.gss.GssFraming;
import org.cews.wcce.kerberos.messages.ApRep;
import org.cews.wcce.kerberos.messages.EncApRepPart;
import org.cews.wcce.kerberos.messages.EncryptedData;
import org.cews.wcce.kerberos.messages.KrbError;

/**
 * What both ends of the DCE-style AP exchange ([MS-KILE] 3.4.5.1) do with an AP-REP: the acceptor
 * sends one in leg 2 and the initiator one in leg 3, both under the ticket session key with usage
 * 12 (RFC 4120 §3.2.4), so each side builds one and reads one.
 */
public final class ApExchange {

    private ApExchange() {}

    public static byte[] apRep(EncryptionKey sessionKey, EncApRepPart part, RandomSource random)
            throws KerberosCryptoException {
        return new ApRep(EncryptedData.encrypt(sessionKey, null, KeyUsage.AP_REP_ENC_PART, part.encode(), random))
                .encode();
    }

    /**
     * Reads an AP-REP, framed or not, and checks that it answers the authenticator with
     * {@code ctime}/{@code cusec} (RFC 4120 §3.2.5: what the initiator checks in leg 2). A
     * KRB-ERROR in its place becomes the exception's message.
     */
    static EncApRepPart readApRep(byte[] token, EncryptionKey sessionKey, Instant ctime, int cusec)
            throws DerException, KerberosCryptoException {
        EncApRepPart part = readApRep(token, sessionKey);
        if (!part.ctime().equals(ctime) || part.cusec() != cusec) {
            throw new KerberosCryptoException("AP-REP ctime/cusec (expected: " + ctime + "/" + cusec + ", actual: "
                    + part.ctime() + "/" + part.cusec() + ")");
        }
        return part;
    }

    /**
     * Reads an AP-REP, framed or not: the [APPLICATION 15] tag, pvno 5 and msg-type 15 (RFC 4120
     * §5.5.2), and an enc-part that decrypts under {@code sessionKey} with usage 12 and decodes as
     * an EncAPRepPart. Its ctime/cusec are not compared with anything; see
     * {@code org.cews.wcce.server.kerberos.KerberosServerContext} (module rpc-server) for why the
     * acceptor's third leg stops here.
     */
    public static EncApRepPart readApRep(byte[] token, EncryptionKey sessionKey)
            throws DerException, KerberosCryptoException {
        byte[] message = GssFraming.unframe(token);
        if (message.length > 0 && (message[0] & 0xFF) == KrbError.TAG) {
            throw new KerberosCryptoException("AP-REP (expected: an AP-REP, actual: " + KrbError.decode(message) + ")");
        }
        ApRep rep = ApRep.decode(message);
        return EncApRepPart.decode(rep.encPart().decrypt(sessionKey, KeyUsage.AP_REP_ENC_PART));
    }

    static Instant seconds(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS);
    }

    static int microseconds(Instant now) {
        return now.getNano() / 1000;
    }
}
