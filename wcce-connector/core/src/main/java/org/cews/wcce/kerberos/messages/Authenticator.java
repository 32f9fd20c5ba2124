package org.cews.wcce.kerberos.messages;

import java.time.Instant;
import org.cews.wcce.kerberos.asn1.Der;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.DerReader;
import org.cews.wcce.kerberos.asn1.DerWriter;
import org.cews.wcce.kerberos.crypto.EncryptionKey;

/**
 * RFC 4120 §5.5.1: {@code Authenticator ::= [APPLICATION 2] SEQUENCE { authenticator-vno [0]
 * INTEGER (5), crealm [1], cname [2], cksum [3] OPTIONAL, cusec [4], ctime [5], subkey [6]
 * OPTIONAL, seq-number [7] OPTIONAL, authorization-data [8] OPTIONAL }}. Absent optional fields are
 * {@code null}; authorization data is neither written nor read.
 */
public record Authenticator(
        String crealm,
        PrincipalName cname,
        Checksum cksum,
        int cusec,
        Instant ctime,
        EncryptionKey subkey,
        Long seqNumber) {

    public static final int TAG = Der.application(2);

    public byte[] encode() {
        return DerWriter.application(
                2,
                DerWriter.sequence(
                        DerWriter.explicit(0, DerWriter.integer(5)),
                        DerWriter.explicit(1, DerWriter.generalString(crealm)),
                        DerWriter.explicit(2, cname.encode()),
                        cksum == null ? null : DerWriter.explicit(3, cksum.encode()),
                        DerWriter.explicit(4, DerWriter.integer(cusec)),
                        DerWriter.explicit(5, DerWriter.kerberosTime(ctime)),
                        subkey == null ? null : DerWriter.explicit(6, Keys.encode(subkey)),
                        seqNumber == null ? null : DerWriter.explicit(7, DerWriter.integer(seqNumber))));
    }

    public static Authenticator decode(byte[] der) throws DerException {
        DerReader outer = DerReader.readSingle(der, TAG).contents();
        DerReader fields = outer.read(Der.SEQUENCE).contents();
        outer.expectEnd();
        long vno = fields.readExplicit(0).asLong();
        if (vno != 5) {
            throw new DerException("authenticator-vno (expected: 5, actual: " + vno + ")");
        }
        String crealm = fields.readExplicit(1).asGeneralString();
        PrincipalName cname = PrincipalName.decode(fields.readExplicit(2));
        Checksum cksum = fields.peekTag() == Der.context(3) ? Checksum.decode(fields.readExplicit(3)) : null;
        int cusec = (int) fields.readExplicit(4).asLong(0, 999_999);
        Instant ctime = fields.readExplicit(5).asKerberosTime();
        EncryptionKey subkey = fields.peekTag() == Der.context(6) ? Keys.decode(fields.readExplicit(6)) : null;
        Long seqNumber =
                fields.peekTag() == Der.context(7) ? fields.readExplicit(7).asUInt32() : null;
        return new Authenticator(crealm, cname, cksum, cusec, ctime, subkey, seqNumber);
    }
}
