package org.cews.wcce.cmc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;

/**
 * The {@code requestername} request attribute ([MS-WCCE] 2.2.2.7.10: {@code DOMAIN\account}, the
 * identity whose directory entry the CA builds the subject from) in the two encodings an
 * on-behalf-of CMC carries it in:
 *
 * <ul>
 *   <li>a RegInfo value ([MS-WCCE] 2.2.2.6.3: {@code Name=Value} pairs joined by {@code &},
 *       UTF-8 in an OCTET STRING), percent-encoded as certenroll sends it, so that {@code \},
 *       {@code &} and {@code =} cannot be misread;
 *   <li>szOID_ENROLLMENT_NAME_VALUE_PAIR values ([MS-WCCE] 2.2.2.7.10:
 *       {@code SEQUENCE { name BMPString, value BMPString }}), one pair per attribute value, the
 *       way Windows writes the attribute.
 * </ul>
 */
final class RequesterName {

    static final String NAME = "requestername";

    private RequesterName() {}

    /** The name must be {@code DOMAIN\account}: one backslash, both sides non-empty, no control characters. */
    static String require(String requesterName) throws OnBehalfOfException {
        int slash = requesterName == null ? -1 : requesterName.indexOf('\\');
        if (slash <= 0
                || slash != requesterName.lastIndexOf('\\')
                || slash == requesterName.length() - 1
                || !requesterName.strip().equals(requesterName)
                || requesterName.chars().anyMatch(Character::isISOControl)) {
            throw new OnBehalfOfException("requester name (expected: DOMAIN\\account, actual: "
                    + (requesterName == null ? "none" : requesterName.replaceAll("\\p{Cntrl}", "?")) + ")");
        }
        return requesterName;
    }

    /** The RegInfo OCTET STRING {@code requestername=DOMAIN%5Caccount}. */
    static ASN1Set regInfo(String requesterName) {
        String text = NAME + "=" + percentEncode(requesterName);
        return new DERSet(new DEROctetString(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The values of a szOID_ENROLLMENT_NAME_VALUE_PAIR attribute holding the one pair. */
    static ASN1Set nameValuePair(String requesterName) {
        return new DERSet(
                new DERSequence(new ASN1Encodable[] {new DERBMPString(NAME), new DERBMPString(requesterName)}));
    }

    /** Every byte of the UTF-8 form outside RFC 3986's unreserved set as {@code %XX}. */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** {@code %XX} sequences decoded as UTF-8; a malformed escape is kept as it is. */
    static String percentDecode(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            int hi = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
            int lo = i + 2 < in.length ? Character.digit(in[i + 2], 16) : -1;
            if (in[i] == '%' && hi >= 0 && lo >= 0) {
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
