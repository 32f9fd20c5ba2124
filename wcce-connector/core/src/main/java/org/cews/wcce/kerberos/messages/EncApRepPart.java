package org.cews.wcce.kerberos.messages;

import java.time.Instant;
import org.cews.wcce.kerberos.asn1.Der;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.DerReader;
import org.cews.wcce.kerberos.asn1.DerWriter;
import org.cews.wcce.kerberos.crypto.EncryptionKey;

/**
 * RFC 4120 §5.5.2: {@code EncAPRepPart ::= [APPLICATION 27] SEQUENCE { ctime [0] KerberosTime,
 * cusec [1] Microseconds, subkey [2] EncryptionKey OPTIONAL, seq-number [3] UInt32 OPTIONAL }}.
 * Absent optional fields are {@code null}.
 */
public record EncApRepPart(Instant ctime, int cusec, EncryptionKey subkey, Long seqNumber) {

    public static final int TAG = Der.application(27);

    public byte[] encode() {
        return DerWriter.application(
                27,
                DerWriter.sequence(
                        DerWriter.explicit(0, DerWriter.kerberosTime(ctime)),
                        DerWriter.explicit(1, DerWriter.integer(cusec)),
                        subkey == null ? null : DerWriter.explicit(2, Keys.encode(subkey)),
                        seqNumber == null ? null : DerWriter.explicit(3, DerWriter.integer(seqNumber))));
    }

    public static EncApRepPart decode(byte[] der) throws DerException {
        DerReader outer = DerReader.readSingle(der, TAG).contents();
        DerReader fields = outer.read(Der.SEQUENCE).contents();
        outer.expectEnd();
        Instant ctime = fields.readExplicit(0).asKerberosTime();
        int cusec = (int) fields.readExplicit(1).asLong(0, 999_999);
        EncryptionKey subkey = fields.peekTag() == Der.context(2) ? Keys.decode(fields.readExplicit(2)) : null;
        Long seqNumber =
                fields.peekTag() == Der.context(3) ? fields.readExplicit(3).asUInt32() : null;
        return new EncApRepPart(ctime, cusec, subkey, seqNumber);
    }
}
