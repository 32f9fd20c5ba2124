package org.cews.wcce.kerberos.messages;

import java.time.Instant;
import org.cews.wcce.kerberos.asn1.Der;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.DerReader;
import org.cews.wcce.kerberos.asn1.DerValue;
import org.cews.wcce.kerberos.asn1.DerWriter;

/**
 * RFC 4120 §5.9.1, read only as far as a message needs: {@code KRB-ERROR ::= [APPLICATION 30]
 * SEQUENCE { pvno [0], msg-type [1] (30), ctime [2] OPTIONAL, cusec [3] OPTIONAL, stime [4], susec
 * [5], error-code [6] Int32, ..., e-text [11] OPTIONAL, ... }}.
 */
public record KrbError(int errorCode, String eText) {

    public static final int TAG = Der.application(30);
    public static final int MSG_TYPE = 30;

    public static KrbError decode(byte[] der) throws DerException {
        DerReader outer = DerReader.readSingle(der, TAG).contents();
        DerReader fields = outer.read(Der.SEQUENCE).contents();
        outer.expectEnd();
        Keys.expectHeader(fields, MSG_TYPE);
        fields.readOptionalExplicit(2);
        fields.readOptionalExplicit(3);
        fields.readExplicit(4);
        fields.readExplicit(5);
        int errorCode = fields.readExplicit(6).asInt32();
        String eText = null;
        while (fields.hasMore()) {
            DerValue field = fields.read();
            if (field.tag() == Der.context(11)) {
                DerReader text = field.contents();
                eText = text.read().asGeneralString();
            }
        }
        return new KrbError(errorCode, eText);
    }

    /** A minimal KRB-ERROR, as a test peer would send it. */
    public static byte[] encode(int errorCode, Instant stime, String realm, PrincipalName sname) {
        return DerWriter.application(
                MSG_TYPE,
                DerWriter.sequence(
                        DerWriter.explicit(0, DerWriter.integer(5)),
                        DerWriter.explicit(1, DerWriter.integer(MSG_TYPE)),
                        DerWriter.explicit(4, DerWriter.kerberosTime(stime)),
                        DerWriter.explicit(5, DerWriter.integer(0)),
                        DerWriter.explicit(6, DerWriter.integer(errorCode)),
                        DerWriter.explicit(9, DerWriter.generalString(realm)),
                        DerWriter.explicit(10, sname.encode())));
    }

    @Override
    public String toString() {
        return "KRB-ERROR " + errorCode + (eText == null ? "" : " (" + eText + ")");
    }
}
