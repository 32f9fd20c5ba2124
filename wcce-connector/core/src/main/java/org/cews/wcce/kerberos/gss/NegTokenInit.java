package org.cews.wcce.kerberos.gss;

import java.util.ArrayList;
import java.util.List;
import org.cews.wcce.kerberos.asn1.Der;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.DerReader;
import org.cews.wcce.kerberos.asn1.DerValue;
import org.cews.wcce.kerberos.asn1.DerWriter;
import org.cews.wcce.kerberos.asn1.Oid;

/**
 * RFC 4178 §4.2.1 NegTokenInit inside the RFC 2743 framing with the SPNEGO OID: {@code 60 len | OID
 * 1.3.6.1.5.5.2 | [0] SEQUENCE { mechTypes [0] MechTypeList, reqFlags [1] OPTIONAL, mechToken [2]
 * OCTET STRING OPTIONAL, ... }}. {@code mechTypesDer} is the MechTypeList exactly as sent, which the
 * mechListMIC covers.
 */
public record NegTokenInit(List<Oid> mechTypes, byte[] mechTypesDer, byte[] mechToken) {

    public NegTokenInit {
        mechTypes = List.copyOf(mechTypes);
        mechTypesDer = mechTypesDer.clone();
        mechToken = mechToken == null ? null : mechToken.clone();
    }

    @Override
    public byte[] mechTypesDer() {
        return mechTypesDer.clone();
    }

    @Override
    public byte[] mechToken() {
        return mechToken == null ? null : mechToken.clone();
    }

    public static NegTokenInit of(List<Oid> mechTypes, byte[] mechToken) {
        byte[][] oids = new byte[mechTypes.size()][];
        for (int i = 0; i < oids.length; i++) {
            oids[i] = mechTypes.get(i).encode();
        }
        return new NegTokenInit(mechTypes, DerWriter.sequence(oids), mechToken);
    }

    public byte[] encode() {
        byte[] init = DerWriter.sequence(
                DerWriter.explicit(0, mechTypesDer),
                mechToken == null ? null : DerWriter.explicit(2, DerWriter.octetString(mechToken)));
        return DerWriter.tlv(Der.application(0), Oid.SPNEGO.encode(), DerWriter.explicit(0, init));
    }

    public static NegTokenInit decode(byte[] token) throws DerException {
        DerReader framed = DerReader.readSingle(token, Der.application(0)).contents();
        Oid mech = Oid.decode(framed.read(Der.OBJECT_IDENTIFIER));
        if (!mech.equals(Oid.SPNEGO)) {
            throw new DerException("GSS mechanism (expected: " + Oid.SPNEGO + ", actual: " + mech + ")");
        }
        DerValue init = framed.readExplicit(0);
        framed.expectEnd();
        init.expectTag(Der.SEQUENCE);
        DerReader fields = init.contents();
        DerValue list = fields.readExplicit(0);
        list.expectTag(Der.SEQUENCE);
        List<Oid> mechTypes = new ArrayList<>();
        DerReader oids = list.contents();
        while (oids.hasMore()) {
            mechTypes.add(Oid.decode(oids.read()));
        }
        fields.readOptionalExplicit(1);
        byte[] mechToken =
                fields.peekTag() == Der.context(2) ? fields.readExplicit(2).asOctetString() : null;
        return new NegTokenInit(mechTypes, list.encoded(), mechToken);
    }
}
