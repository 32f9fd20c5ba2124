package org.cews.policy.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes an msPKI-Enterprise-Oid object ([MS-ADSC] 2.169; docs/CA-RPC-AD.md §5.5). */
public final class EnterpriseOidDecoder {

    private EnterpriseOidDecoder() {}

    public static EnterpriseOid decode(AttributeSource src) throws AttributeDecodeException {
        String dn = src.dn();
        Oid oid = AttributeValues.optionalOid(src, AdAttributes.TEMPLATE_OID)
                .orElseThrow(() -> new AttributeDecodeException(dn, AdAttributes.TEMPLATE_OID, "absent", "an OID"));
        Map<Integer, String> names = new LinkedHashMap<>();
        for (String value : src.strings(AdAttributes.OID_LOCALIZED_NAME)) {
            int comma = value.indexOf(',');
            try {
                if (comma <= 0) {
                    throw new NumberFormatException();
                }
                names.put(Integer.parseInt(value.substring(0, comma).trim()), value.substring(comma + 1));
            } catch (NumberFormatException e) {
                throw new AttributeDecodeException(dn, AdAttributes.OID_LOCALIZED_NAME, value, "\"<LCID>,<name>\"");
            }
        }
        return new EnterpriseOid(
                dn,
                AttributeValues.requiredString(src, AdAttributes.CN),
                oid,
                new OidType(AttributeValues.intOrDefault(src, AdAttributes.FLAGS, 0)),
                AttributeValues.optionalString(src, AdAttributes.DISPLAY_NAME),
                names,
                src.strings(AdAttributes.OID_CPS),
                AttributeValues.optionalString(src, AdAttributes.OID_TO_GROUP_LINK));
    }
}
