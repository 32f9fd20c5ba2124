package org.cews.wcce.kerberos.messages;

import org.cews.wcce.kerberos.asn1.Der;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.DerReader;
import org.cews.wcce.kerberos.asn1.DerWriter;

/**
 * RFC 4120 §5.5.2: {@code AP-REP ::= [APPLICATION 15] SEQUENCE { pvno [0] INTEGER (5), msg-type [1]
 * INTEGER (15), enc-part [2] EncryptedData }}, the enc-part an {@link EncApRepPart} under the
 * ticket session key, usage 12.
 */
public record ApRep(EncryptedData encPart) {

    public static final int TAG = Der.application(15);
    public static final int MSG_TYPE = 15;

    public byte[] encode() {
        return DerWriter.application(
                MSG_TYPE,
                DerWriter.sequence(
                        DerWriter.explicit(0, DerWriter.integer(5)),
                        DerWriter.explicit(1, DerWriter.integer(MSG_TYPE)),
                        DerWriter.explicit(2, encPart.encode())));
    }

    public static ApRep decode(byte[] der) throws DerException {
        DerReader outer = DerReader.readSingle(der, TAG).contents();
        DerReader fields = outer.read(Der.SEQUENCE).contents();
        outer.expectEnd();
        Keys.expectHeader(fields, MSG_TYPE);
        return new ApRep(EncryptedData.decode(fields.readExplicit(2)));
    }
}
