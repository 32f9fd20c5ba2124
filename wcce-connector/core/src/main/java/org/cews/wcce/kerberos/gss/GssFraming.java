package org.cews.wcce.kerberos.gss;

import java.util.Arrays;
import org.cews.wcce.kerberos.asn1.Der;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.DerReader;
import org.cews.wcce.kerberos.asn1.DerValue;
import org.cews.wcce.kerberos.asn1.DerWriter;
import org.cews.wcce.kerberos.asn1.Oid;

/**
 * The RFC 2743 §3.1 InitialContextToken framing of a Kerberos token (RFC 4121 §4.1): {@code 60 len
 * | OID 1.2.840.113554.1.2.2 | TOK_ID (2) | message}. DCE style sends tokens without it ([MS-KILE]
 * 3.4.5.1); receivers here accept both, as Samba does (docs/RPC-KERBEROS.md §W3.1).
 */
public final class GssFraming {

    public static final int TOK_AP_REQ = 0x0100;
    public static final int TOK_AP_REP = 0x0200;
    public static final int TOK_KRB_ERROR = 0x0300;

    private GssFraming() {}

    public static byte[] frame(int tokId, byte[] message) {
        return DerWriter.tlv(
                Der.application(0), Oid.KRB5.encode(), new byte[] {(byte) (tokId >>> 8), (byte) tokId}, message);
    }

    /** The message inside a framed token, or the token itself when it is not framed. */
    public static byte[] unframe(byte[] token) throws DerException {
        if (token.length == 0 || (token[0] & 0xFF) != Der.application(0)) {
            return token;
        }
        DerValue outer = DerReader.readSingle(token, Der.application(0));
        DerValue oidValue = outer.contents().read(Der.OBJECT_IDENTIFIER);
        Oid oid = Oid.decode(oidValue);
        if (!oid.equals(Oid.KRB5) && !oid.equals(Oid.MS_KRB5)) {
            throw new DerException("GSS mechanism (expected: " + Oid.KRB5 + ", actual: " + oid + ")");
        }
        int rest = oidValue.end();
        if (outer.end() - rest < 2) {
            throw new DerException("GSS TOK_ID (expected: 2 octets, actual: " + (outer.end() - rest) + ")");
        }
        return Arrays.copyOfRange(token, rest + 2, outer.end());
    }
}
