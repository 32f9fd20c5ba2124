package org.cews.lab.ca.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.x509.Attribute;
import org.cews.lab.ca.MsOids;
import org.cews.wcce.msicpr.HResult;

/**
 * [MS-WCCE] 2.2.2.7.10 szENROLLMENT_NAME_VALUE_PAIR: {@code SEQUENCE { name BMPString, value
 * BMPString }}. Windows puts one pair in each attribute value; the spec's {@code SEQUENCE OF} form
 * is read too.
 */
public final class NameValuePairs {

    private NameValuePairs() {}

    /** The pairs in the values of one NameValuePair attribute. */
    static RequestAttributes decode(ASN1Set values) throws RequestRejected {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (ASN1Encodable value : values) {
            if (!(value instanceof ASN1Sequence seq)) {
                throw invalid("a SEQUENCE", value);
            }
            if (seq.size() == 2 && seq.getObjectAt(0) instanceof ASN1String) {
                pairs.add(pair(seq));
                continue;
            }
            for (ASN1Encodable inner : seq) {
                if (!(inner instanceof ASN1Sequence p) || p.size() != 2) {
                    throw invalid("SEQUENCE { name, value }", inner);
                }
                pairs.add(pair(p));
            }
        }
        return new RequestAttributes(pairs);
    }

    private static Map.Entry<String, String> pair(ASN1Sequence seq) throws RequestRejected {
        if (!(seq.getObjectAt(0) instanceof ASN1String name) || !(seq.getObjectAt(1) instanceof ASN1String value)) {
            throw invalid("two strings", seq);
        }
        return Map.entry(name.getString(), value.getString());
    }

    private static RequestRejected invalid(String expected, ASN1Encodable actual) {
        return new RequestRejected(
                HResult.ERROR_INVALID_DATA,
                "name-value pair (expected: " + expected + ", actual: "
                        + actual.getClass().getSimpleName() + ")");
    }

    /** The attribute as Windows writes it: one {@code SEQUENCE { BMPString, BMPString }} per value. */
    public static Attribute encode(Map<String, String> pairs) {
        ASN1Encodable[] values = pairs.entrySet().stream()
                .map(e -> new DERSequence(
                        new ASN1Encodable[] {new DERBMPString(e.getKey()), new DERBMPString(e.getValue())}))
                .toArray(ASN1Encodable[]::new);
        return new Attribute(MsOids.NAME_VALUE_PAIR, new DERSet(values));
    }
}
