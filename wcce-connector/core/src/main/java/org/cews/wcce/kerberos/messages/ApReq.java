package org.cews.wcce.kerberos.messages;

import org.cews.wcce.kerberos.asn1.Der;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.DerReader;
import org.cews.wcce.kerberos.asn1.DerWriter;

/**
 * RFC 4120 §5.5.1: {@code AP-REQ ::= [APPLICATION 14] SEQUENCE { pvno [0] INTEGER (5), msg-type [1]
 * INTEGER (14), ap-options [2] APOptions, ticket [3] Ticket, authenticator [4] EncryptedData }}.
 */
public record ApReq(int apOptions, Ticket ticket, EncryptedData authenticator) {

    public static final int TAG = Der.application(14);
    public static final int MSG_TYPE = 14;
    /** APOptions bit 2, mutual-required, as a 32-bit mask with bit 0 the MSB. */
    public static final int MUTUAL_REQUIRED = 1 << (31 - 2);

    public byte[] encode() {
        return DerWriter.application(
                MSG_TYPE,
                DerWriter.sequence(
                        DerWriter.explicit(0, DerWriter.integer(5)),
                        DerWriter.explicit(1, DerWriter.integer(MSG_TYPE)),
                        DerWriter.explicit(2, DerWriter.kerberosFlags(apOptions)),
                        DerWriter.explicit(3, ticket.encoded()),
                        DerWriter.explicit(4, authenticator.encode())));
    }

    public static ApReq decode(byte[] der) throws DerException {
        DerReader outer = DerReader.readSingle(der, TAG).contents();
        DerReader fields = outer.read(Der.SEQUENCE).contents();
        outer.expectEnd();
        Keys.expectHeader(fields, MSG_TYPE);
        int apOptions = fields.readExplicit(2).asKerberosFlags();
        Ticket ticket = Ticket.decode(fields.readExplicit(3));
        EncryptedData authenticator = EncryptedData.decode(fields.readExplicit(4));
        return new ApReq(apOptions, ticket, authenticator);
    }
}
