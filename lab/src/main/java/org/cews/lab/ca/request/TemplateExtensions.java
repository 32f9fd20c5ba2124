package org.cews.lab.ca.request;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.cews.lab.ca.MsOids;
import org.cews.policy.model.Oid;
import org.cews.wcce.msicpr.HResult;

/**
 * The two certificate template extensions of [MS-WCCE] 2.2.2.7.7.1 (the v1 name, 1.3.6.1.4.1.311.20.2)
 * and 2.2.2.7.7.2 (the v2 OID with major and minor version, 1.3.6.1.4.1.311.21.7), read from
 * requests and old certificates and written into issued certificates.
 *
 * <p>Interop: the spec gives the v1 value as {@code SEQUENCE { UTF8String }}, but Windows writes a
 * bare BMPString ({@code 1e 08 00 55 00 73 00 65 00 72} for "User", see the MS-WSTEP example
 * request); the lab reads all three shapes and writes the BMPString, as AD CS does.
 */
public final class TemplateExtensions {

    private TemplateExtensions() {}

    /** The template identifiers carried by {@code extensions} (none, one or both forms). */
    public static List<TemplateId> read(Extensions extensions, String source) throws RequestRejected {
        List<TemplateId> ids = new ArrayList<>();
        if (extensions == null) {
            return ids;
        }
        Extension v1 = extensions.getExtension(MsOids.ENROLL_CERTTYPE);
        if (v1 != null) {
            ids.add(new TemplateId.ByName(v1Name(v1.getParsedValue()), source + " template name extension"));
        }
        Extension v2 = extensions.getExtension(MsOids.CERTIFICATE_TEMPLATE);
        if (v2 != null) {
            ids.add(v2Id(v2.getParsedValue(), source + " template information extension"));
        }
        return ids;
    }

    private static String v1Name(ASN1Encodable value) throws RequestRejected {
        if (value instanceof ASN1String s) {
            return s.getString();
        }
        if (value instanceof ASN1Sequence seq && seq.size() == 1 && seq.getObjectAt(0) instanceof ASN1String s) {
            return s.getString();
        }
        throw new RequestRejected(
                HResult.ERROR_INVALID_DATA,
                "template name extension (expected: BMPString or SEQUENCE { UTF8String }, actual: "
                        + value.getClass().getSimpleName() + ")");
    }

    private static TemplateId v2Id(ASN1Encodable value, String source) throws RequestRejected {
        if (!(value instanceof ASN1Sequence seq)
                || seq.size() < 1
                || seq.size() > 3
                || !(seq.getObjectAt(0) instanceof ASN1ObjectIdentifier oid)) {
            throw new RequestRejected(
                    HResult.ERROR_INVALID_DATA,
                    "template information extension (expected: SEQUENCE { OID, INTEGER, INTEGER }, actual: " + value
                            + ")");
        }
        return new TemplateId.ByOid(new Oid(oid.getId()), version(seq, 1), version(seq, 2), source);
    }

    private static OptionalLong version(ASN1Sequence seq, int index) throws RequestRejected {
        if (seq.size() <= index) {
            return OptionalLong.empty();
        }
        if (!(seq.getObjectAt(index) instanceof ASN1Integer i)
                || i.getValue().signum() < 0
                || i.getValue().bitLength() > 32) {
            throw new RequestRejected(
                    HResult.ERROR_INVALID_DATA,
                    "template version (expected: INTEGER 0..4294967295, actual: " + seq.getObjectAt(index) + ")");
        }
        return OptionalLong.of(i.getValue().longValue());
    }

    /** The v1 extension as AD CS writes it: the cn as a bare BMPString, not critical. */
    public static Extension v1(String templateName) throws java.io.IOException {
        return new Extension(MsOids.ENROLL_CERTTYPE, false, new DERBMPString(templateName).getEncoded());
    }

    /** The v2 extension: {@code SEQUENCE { templateID, majorVersion, minorVersion }}, not critical. */
    public static Extension v2(Oid oid, long major, long minor) throws java.io.IOException {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1ObjectIdentifier(oid.value()));
        v.add(new ASN1Integer(BigInteger.valueOf(major)));
        v.add(new ASN1Integer(BigInteger.valueOf(minor)));
        ASN1Primitive seq = new DERSequence(v);
        return new Extension(MsOids.CERTIFICATE_TEMPLATE, false, seq.getEncoded());
    }
}
