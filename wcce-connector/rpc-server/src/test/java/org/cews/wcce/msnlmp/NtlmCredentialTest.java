package org.cews.wcce.msnlmp;

import static org.cews.wcce.msnlmp.SpecValues.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.cews.wcce.server.msnlmp.NtlmCredentialLookup;
import org.junit.jupiter.api.Test;

class NtlmCredentialTest {

    private static final NtlmCredential USER =
            NtlmCredential.ofPassword(SpecValues.USER, SpecValues.DOMAIN, SpecValues.PASSWORD);

    @Test
    void keepsTheNtHashOnly() {
        assertEquals("a4f49c406510bdcab6824ee7c30fd852", hex(USER.ntHash()));
        assertEquals("NtlmCredential[Domain\\User, NT hash redacted]", USER.toString());
        assertThrows(IllegalArgumentException.class, () -> new NtlmCredential("u", "d", new byte[15]));
    }

    @Test
    void lookupIgnoresCaseOfUserAndDomain() {
        NtlmCredentialLookup lookup = NtlmCredentialLookup.of(List.of(USER));
        assertEquals(hex(USER.ntHash()), hex(lookup.ntHash("USER", "domain").orElseThrow()));
        assertEquals(Optional.empty(), lookup.ntHash("User", "Other"));
        assertEquals(Optional.empty(), lookup.ntHash("Someone", "Domain"));
    }
}
