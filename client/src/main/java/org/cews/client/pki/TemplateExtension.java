package org.cews.client.pki;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Extension;

/**
 * The extension that names the template in a request, as Windows puts it there ([MS-WCCE]
 * 2.2.2.7.7.1 and 2.2.2.7.7.2): the v1 Certificate Template Name (1.3.6.1.4.1.311.20.2, a
 * BMPString, as AD CS and cepces encode it) or the v2 Certificate Template Information
 * (1.3.6.1.4.1.311.21.7: the template OID with its major and minor version).
 */
public sealed interface TemplateExtension {
    ASN1ObjectIdentifier TEMPLATE_NAME = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2");
    ASN1ObjectIdentifier TEMPLATE_INFORMATION = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.21.7");

    Extension extension() throws IOException;

    record Name(String commonName) implements TemplateExtension {
        @Override
        public Extension extension() throws IOException {
            return new Extension(TEMPLATE_NAME, false, new DERBMPString(commonName).getEncoded());
        }
    }

    record Information(String oid, int majorVersion, int minorVersion) implements TemplateExtension {
        @Override
        public Extension extension() throws IOException {
            ASN1EncodableVector v = new ASN1EncodableVector();
            v.add(new ASN1ObjectIdentifier(oid));
            v.add(new ASN1Integer(majorVersion));
            v.add(new ASN1Integer(minorVersion));
            return new Extension(TEMPLATE_INFORMATION, false, new DERSequence(v).getEncoded());
        }
    }
}
