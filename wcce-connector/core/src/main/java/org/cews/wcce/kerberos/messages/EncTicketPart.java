package org.cews.wcce.kerberos.messages;

import java.time.Instant;
import java.util.Optional;
import org.cews.wcce.kerberos.asn1.Der;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.DerReader;
import org.cews.wcce.kerberos.asn1.DerValue;
import org.cews.wcce.kerberos.asn1.DerWriter;
import org.cews.wcce.kerberos.crypto.EncryptionKey;

/**
 * RFC 4120 §5.3, the decrypted ticket: {@code EncTicketPart ::= [APPLICATION 3] SEQUENCE { flags
 * [0], key [1], crealm [2], cname [3], transited [4], authtime [5], starttime [6] OPTIONAL, endtime
 * [7], renew-till [8] OPTIONAL, caddr [9] OPTIONAL, authorization-data [10] OPTIONAL }}. Transited,
 * addresses and authorization data (the PAC) are skipped on read; {@code starttime} and
 * {@code renewTill} are {@code null} when absent.
 */
public record EncTicketPart(
        int flags,
        EncryptionKey key,
        String crealm,
        PrincipalName cname,
        Instant authtime,
        Instant starttime,
        Instant endtime,
        Instant renewTill) {

    public static final int TAG = Der.application(3);
    /** TicketFlags bit 7, invalid (RFC 4120 §5.3), as a 32-bit mask with bit 0 the MSB. */
    public static final int INVALID = 1 << (31 - 7);

    public byte[] encode() {
        return DerWriter.application(
                3,
                DerWriter.sequence(
                        DerWriter.explicit(0, DerWriter.kerberosFlags(flags)),
                        DerWriter.explicit(1, Keys.encode(key)),
                        DerWriter.explicit(2, DerWriter.generalString(crealm)),
                        DerWriter.explicit(3, cname.encode()),
                        DerWriter.explicit(
                                4,
                                DerWriter.sequence( // TransitedEncoding: DOMAIN-X500-COMPRESS, nothing transited
                                        DerWriter.explicit(0, DerWriter.integer(1)),
                                        DerWriter.explicit(1, DerWriter.octetString(new byte[0])))),
                        DerWriter.explicit(5, DerWriter.kerberosTime(authtime)),
                        starttime == null ? null : DerWriter.explicit(6, DerWriter.kerberosTime(starttime)),
                        DerWriter.explicit(7, DerWriter.kerberosTime(endtime)),
                        renewTill == null ? null : DerWriter.explicit(8, DerWriter.kerberosTime(renewTill))));
    }

    public static EncTicketPart decode(byte[] der) throws DerException {
        DerReader outer = DerReader.readSingle(der, TAG).contents();
        DerReader fields = outer.read(Der.SEQUENCE).contents();
        outer.expectEnd();
        int flags = fields.readExplicit(0).asKerberosFlags();
        EncryptionKey key = Keys.decode(fields.readExplicit(1));
        String crealm = fields.readExplicit(2).asGeneralString();
        PrincipalName cname = PrincipalName.decode(fields.readExplicit(3));
        fields.readExplicit(4).expectTag(Der.SEQUENCE);
        Instant authtime = fields.readExplicit(5).asKerberosTime();
        Instant starttime = optionalTime(fields, 6);
        Instant endtime = fields.readExplicit(7).asKerberosTime();
        Instant renewTill = optionalTime(fields, 8);
        return new EncTicketPart(flags, key, crealm, cname, authtime, starttime, endtime, renewTill);
    }

    private static Instant optionalTime(DerReader fields, int n) throws DerException {
        Optional<DerValue> value = fields.readOptionalExplicit(n);
        return value.isPresent() ? value.get().asKerberosTime() : null;
    }
}
