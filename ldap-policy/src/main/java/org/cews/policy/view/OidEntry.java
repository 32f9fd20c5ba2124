package org.cews.policy.view;

import java.util.Optional;
import org.cews.policy.model.EnterpriseOid;
import org.cews.policy.model.Oid;

/**
 * One OID the offered policies refer to ([MS-XCEP] 3.1.4.1.3.16): its reference id within this
 * view, the group, a default name when one is known (the forest's msPKI-Enterprise-Oid display
 * name, the template's display name for a template OID, or a well-known name), and the enterprise
 * OID object when the forest has one (localized names, CPS, group link).
 */
public record OidEntry(
        int referenceId, Oid oid, OidGroup group, Optional<String> defaultName, Optional<EnterpriseOid> enterprise) {}
