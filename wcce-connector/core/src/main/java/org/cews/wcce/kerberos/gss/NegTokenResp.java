package org.cews.wcce.kerberos.gss;

import org.cews.wcce.kerberos.asn1.Der;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.DerReader;
import org.cews.wcce.kerberos.asn1.DerValue;
import org.cews.wcce.kerberos.asn1.DerWriter;
import org.cews.wcce.kerberos.asn1.Oid;

/**
 * RFC 4178 §4.2.2: {@code [1] SEQUENCE { negState [0] ENUMERATED OPTIONAL, supportedMech [1]
 * MechType OPTIONAL, responseToken [2] OCTET STRING OPTIONAL, mechListMIC [3] OCTET STRING
 * OPTIONAL }}, sent without the RFC 2743 framing. Absent fields are {@code null}.
 */
public record NegTokenResp(Integer negState, Oid supportedMech, byte[] responseToken, byte[] mechListMic) {

    public static final int ACCEPT_COMPLETED = 0;
    public static final int ACCEPT_INCOMPLETE = 1;
    public static final int REJECT = 2;
    public static final int REQUEST_MIC = 3;

    public NegTokenResp {
        responseToken = responseToken == null ? null : responseToken.clone();
        mechListMic = mechListMic == null ? null : mechListMic.clone();
    }

    @Override
    public byte[] responseToken() {
        return responseToken == null ? null : responseToken.clone();
    }

    @Override
    public byte[] mechListMic() {
        return mechListMic == null ? null : mechListMic.clone();
    }

    public byte[] encode() {
        return DerWriter.explicit(
                1,
                DerWriter.sequence(
                        negState == null ? null : DerWriter.explicit(0, DerWriter.enumerated(negState)),
                        supportedMech == null ? null : DerWriter.explicit(1, supportedMech.encode()),
                        responseToken == null ? null : DerWriter.explicit(2, DerWriter.octetString(responseToken)),
                        mechListMic == null ? null : DerWriter.explicit(3, DerWriter.octetString(mechListMic))));
    }

    public static NegTokenResp decode(byte[] token) throws DerException {
        DerReader outer = DerReader.readSingle(token, Der.context(1)).contents();
        DerValue resp = outer.read(Der.SEQUENCE);
        outer.expectEnd();
        DerReader fields = resp.contents();
        Integer negState =
                fields.peekTag() == Der.context(0) ? fields.readExplicit(0).asEnumerated() : null;
        Oid mech = fields.peekTag() == Der.context(1) ? Oid.decode(fields.readExplicit(1)) : null;
        byte[] response =
                fields.peekTag() == Der.context(2) ? fields.readExplicit(2).asOctetString() : null;
        byte[] mic = fields.peekTag() == Der.context(3) ? fields.readExplicit(3).asOctetString() : null;
        return new NegTokenResp(negState, mech, response, mic);
    }
}
