package org.cews.policy.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An msPKI-Enterprise-Oid object under CN=OID ([MS-ADSC] 2.169; docs/CA-RPC-AD.md §5.5): a forest OID
 * for a template, an issuance policy or an application policy, with its names. The cn is derived
 * from the OID and is not parsed.
 *
 * @param localizedNames msPKI-OIDLocalizedName by LCID (1033 is en-US), in directory order
 * @param cpsUrls msPKI-OID-CPS
 * @param groupLink msDS-OIDToGroupLink, the DN of a group linked to an issuance policy
 */
public record EnterpriseOid(
        String dn,
        String cn,
        Oid oid,
        OidType type,
        Optional<String> displayName,
        Map<Integer, String> localizedNames,
        List<String> cpsUrls,
        Optional<String> groupLink) {

    public EnterpriseOid {
        localizedNames = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(localizedNames));
        cpsUrls = List.copyOf(cpsUrls);
    }

    /** The name for a language (LCID), else the display name. */
    public Optional<String> name(int lcid) {
        String localized = localizedNames.get(lcid);
        return localized != null ? Optional.of(localized) : displayName;
    }
}
