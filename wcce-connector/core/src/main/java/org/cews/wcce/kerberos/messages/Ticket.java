package org.cews.wcce.kerberos.messages;

import org.cews.wcce.kerberos.asn1.Der;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.DerReader;
import org.cews.wcce.kerberos.asn1.DerValue;
import org.cews.wcce.kerberos.asn1.DerWriter;

/**
 * RFC 4120 §5.3: {@code Ticket ::= [APPLICATION 1] SEQUENCE { tkt-vno [0] INTEGER (5), realm [1]
 * Realm, sname [2] PrincipalName, enc-part [3] EncryptedData }}. The bytes it was decoded from are
 * kept and sent again unchanged.
 */
public record Ticket(String realm, PrincipalName sname, EncryptedData encPart, byte[] encoded) {

    public static final int TAG = Der.application(1);

    public Ticket {
        encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    /** A ticket as a KDC would issue it. */
    public static Ticket of(String realm, PrincipalName sname, EncryptedData encPart) {
        byte[] encoded = DerWriter.application(
                1,
                DerWriter.sequence(
                        DerWriter.explicit(0, DerWriter.integer(5)),
                        DerWriter.explicit(1, DerWriter.generalString(realm)),
                        DerWriter.explicit(2, sname.encode()),
                        DerWriter.explicit(3, encPart.encode())));
        return new Ticket(realm, sname, encPart, encoded);
    }

    public static Ticket decode(byte[] der) throws DerException {
        return decode(DerReader.readSingle(der, TAG));
    }

    public static Ticket decode(DerValue value) throws DerException {
        value.expectTag(TAG);
        DerReader outer = value.contents();
        DerReader fields = outer.read(Der.SEQUENCE).contents();
        outer.expectEnd();
        long vno = fields.readExplicit(0).asLong();
        if (vno != 5) {
            throw new DerException("tkt-vno (expected: 5, actual: " + vno + ")");
        }
        String realm = fields.readExplicit(1).asGeneralString();
        PrincipalName sname = PrincipalName.decode(fields.readExplicit(2));
        EncryptedData encPart = EncryptedData.decode(fields.readExplicit(3));
        return new Ticket(realm, sname, encPart, value.encoded());
    }
}
