package org.cews.wcce.kerberos.messages;

import org.cews.wcce.kerberos.asn1.Der;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.DerReader;
import org.cews.wcce.kerberos.asn1.DerValue;
import org.cews.wcce.kerberos.asn1.DerWriter;
import org.cews.wcce.kerberos.crypto.ChecksumType;

/** RFC 4120 §5.2.9: {@code Checksum ::= SEQUENCE { cksumtype [0] Int32, checksum [1] OCTET STRING }}. */
public record Checksum(ChecksumType type, byte[] value) {

    public Checksum {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public byte[] encode() {
        return DerWriter.sequence(
                DerWriter.explicit(0, DerWriter.integer(type.code())),
                DerWriter.explicit(1, DerWriter.octetString(value)));
    }

    public static Checksum decode(DerValue value) throws DerException {
        value.expectTag(Der.SEQUENCE);
        DerReader fields = value.contents();
        return new Checksum(
                new ChecksumType(fields.readExplicit(0).asInt32()),
                fields.readExplicit(1).asOctetString());
    }
}
