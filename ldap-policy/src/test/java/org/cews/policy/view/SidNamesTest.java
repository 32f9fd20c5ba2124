package org.cews.policy.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.cews.policy.acl.Sid;
import org.cews.policy.acl.WellKnownSids;
import org.junit.jupiter.api.Test;

class SidNamesTest {

    static final Sid OTHER_DOMAIN = Sid.of(5, 21, 7, 8, 9);

    @Test
    void wellKnownSidsAndDomainRidsNeedNoDirectory() {
        SidNames names = SidNames.wellKnown();
        assertEquals(Optional.of("Authenticated Users"), names.name(WellKnownSids.AUTHENTICATED_USERS));
        assertEquals(Optional.of("Domain Computers"), names.name(OTHER_DOMAIN.withRid(515)));
        assertEquals(Optional.empty(), names.name(OTHER_DOMAIN.withRid(1111)));
        // a RID of a SID that is no domain account is not a domain group
        assertEquals(Optional.empty(), names.name(Sid.of(5, 32, 513)));
    }

    @Test
    void describePrintsTheSidAloneWithoutAName() {
        SidNames names =
                SidNames.of(Map.of(OTHER_DOMAIN.withRid(1111), "Blocked")).orElse(SidNames.wellKnown());
        assertEquals("S-1-5-21-7-8-9-1111 (Blocked)", names.describe(OTHER_DOMAIN.withRid(1111)));
        assertEquals("S-1-5-21-7-8-9-513 (Domain Users)", names.describe(OTHER_DOMAIN.withRid(513)));
        assertEquals("S-1-5-21-7-8-9-1112", names.describe(OTHER_DOMAIN.withRid(1112)));
    }
}
