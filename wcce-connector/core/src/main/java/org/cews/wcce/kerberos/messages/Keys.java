package org.cews.wcce.kerberos.messages;

import org.cews.wcce.kerberos.asn1.Der;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.DerReader;
import org.cews.wcce.kerberos.asn1.DerValue;
import org.cews.wcce.kerberos.asn1.DerWriter;
import org.cews.wcce.kerberos.crypto.EncryptionKey;
import org.cews.wcce.kerberos.crypto.EncryptionType;

/** RFC 4120 §5.2.9: {@code EncryptionKey ::= SEQUENCE { keytype [0] Int32, keyvalue [1] OCTET STRING }}. */
final class Keys {

    private Keys() {}

    static byte[] encode(EncryptionKey key) {
        return DerWriter.sequence(
                DerWriter.explicit(0, DerWriter.integer(key.type().code())),
                DerWriter.explicit(1, DerWriter.octetString(key.value())));
    }

    static EncryptionKey decode(DerValue value) throws DerException {
        value.expectTag(Der.SEQUENCE);
        DerReader fields = value.contents();
        EncryptionType type = new EncryptionType(fields.readExplicit(0).asInt32());
        return new EncryptionKey(type, fields.readExplicit(1).asOctetString());
    }

    /** pvno [0] INTEGER (5) and msg-type [1] INTEGER, checked. */
    static void expectHeader(DerReader fields, int msgType) throws DerException {
        long pvno = fields.readExplicit(0).asLong();
        if (pvno != 5) {
            throw new DerException("pvno (expected: 5, actual: " + pvno + ")");
        }
        long type = fields.readExplicit(1).asLong();
        if (type != msgType) {
            throw new DerException("msg-type (expected: " + msgType + ", actual: " + type + ")");
        }
    }
}
