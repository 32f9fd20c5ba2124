package org.cews.policy.model;

import java.util.ArrayList;
import java.util.List;

/** Decodes a pKIEnrollmentService object ([MS-ADSC] 2.223; docs/CA-RPC-AD.md §5.4). */
public final class EnrollmentServiceDecoder {

    private EnrollmentServiceDecoder() {}

    public static EnrollmentService decode(AttributeSource src) throws AttributeDecodeException {
        String dn = src.dn();
        String cn = AttributeValues.requiredString(src, AdAttributes.CN);
        List<EnrollmentServer> servers = new ArrayList<>();
        for (String value : src.strings(AdAttributes.ENROLLMENT_SERVERS)) {
            servers.add(EnrollmentServer.parse(dn, AdAttributes.ENROLLMENT_SERVERS, value));
        }
        byte[] rawSd = AttributeValues.optionalBytes(src, AdAttributes.NT_SECURITY_DESCRIPTOR)
                .orElse(new byte[0]);
        return new EnrollmentService(
                dn,
                cn,
                AttributeValues.optionalString(src, AdAttributes.DISPLAY_NAME).orElse(cn),
                AttributeValues.optionalString(src, AdAttributes.DNS_HOST_NAME),
                src.bytes(AdAttributes.CA_CERTIFICATE),
                src.strings(AdAttributes.CERTIFICATE_TEMPLATES),
                servers,
                AttributeValues.optionalString(src, AdAttributes.SITE_NAME),
                AttributeValues.intOrDefault(src, AdAttributes.FLAGS, 0),
                TemplateDecoder.securityDescriptor(dn, rawSd),
                TemplateDecoder.objectGuid(src));
    }
}
