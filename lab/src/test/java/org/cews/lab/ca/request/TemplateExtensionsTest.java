package org.cews.lab.ca.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.cews.lab.ca.MsOids;
import org.cews.policy.model.Oid;
import org.cews.wcce.msicpr.HResult;
import org.junit.jupiter.api.Test;

/** [MS-WCCE] 2.2.2.7.7.1-2, golden bytes split by field. */
class TemplateExtensionsTest {

    static final HexFormat HEX = HexFormat.of();

    @Test
    void v1IsABareBmpStringAsWindowsWritesIt() throws Exception {
        Extension e = TemplateExtensions.v1("User");
        assertFalse(e.isCritical());
        // 1e BMPString, 08 length, U+0055 U+0073 U+0065 U+0072
        assertEquals(
                "1e08" + "0055" + "0073" + "0065" + "0072",
                HEX.formatHex(e.getExtnValue().getOctets()));
    }

    @Test
    void v2IsOidMajorMinor() throws Exception {
        Extension e = TemplateExtensions.v2(new Oid("1.3.6.1.4.1.311.21.8.1.2"), 100, 3);
        assertEquals(
                "3013" // SEQUENCE, 19 bytes
                        + "060b2b06010401823715080102" // OID 1.3.6.1.4.1.311.21.8.1.2
                        + "020164" // INTEGER 100: templateMajorVersion
                        + "020103", // INTEGER 3: templateMinorVersion
                HEX.formatHex(e.getExtnValue().getOctets()));
    }

    @Test
    void theSpecsUtf8FormsAndAMissingVersionAreReadToo() throws Exception {
        Extensions ext = new Extensions(new Extension[] {
            new Extension(MsOids.ENROLL_CERTTYPE, false, new DERSequence(new DERUTF8String("User")).getEncoded()),
            new Extension(
                    MsOids.CERTIFICATE_TEMPLATE,
                    false,
                    new DERSequence(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3")).getEncoded())
        });
        assertEquals(
                List.of(
                        new TemplateId.ByName("User", "x template name extension"),
                        new TemplateId.ByOid(
                                new Oid("1.2.3"),
                                OptionalLong.empty(),
                                OptionalLong.empty(),
                                "x template information extension")),
                TemplateExtensions.read(ext, "x"));
    }

    @Test
    void aMalformedV2ExtensionIsInvalidData() throws Exception {
        Extensions ext = new Extensions(
                new Extension(MsOids.CERTIFICATE_TEMPLATE, false, new DERUTF8String("not a sequence").getEncoded()));
        RequestRejected e = assertThrows(RequestRejected.class, () -> TemplateExtensions.read(ext, "x"));
        assertEquals(HResult.ERROR_INVALID_DATA, e.code());
    }
}
