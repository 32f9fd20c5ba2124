package org.cews.client.xcep;

import java.util.Optional;

/** One entry of oIDs ([MS-XCEP] 3.1.4.1.3.16 OID): group 9 is a template's OID. */
public record PolicyOid(int referenceId, String value, int group, Optional<String> defaultName) {
    public static final int GROUP_TEMPLATE = 9;
}
