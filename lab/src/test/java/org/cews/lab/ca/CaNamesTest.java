package org.cews.lab.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** [MS-WCCE] 3.2.1.4.2.1.1 and 3.1.1.4.1.1: which pwszAuthority values name the CA. */
class CaNamesTest {

    @Test
    void theNameItselfAndNothingElseLikeIt() {
        assertTrue(CaNames.accepts("Lab-Issuing-CA", "Lab-Issuing-CA"));
        assertFalse(CaNames.accepts("lab-issuing-ca", "Lab-Issuing-CA"), "case-sensitive as specified");
        assertFalse(CaNames.accepts("", "Lab-Issuing-CA"));
        assertFalse(CaNames.accepts(null, "Lab-Issuing-CA"));
    }

    @Test
    void disallowedCharactersBecomeBangAndFourHexDigits() {
        assertEquals("Contoso!0026Co!002c CA", CaNames.sanitize("Contoso&Co, CA"));
        assertEquals("M!00fcller", CaNames.sanitize("Müller"));
        assertTrue(CaNames.accepts("Contoso!0026Co!002c CA", "Contoso&Co, CA"));
    }

    @Test
    void aLongNameIsCutAt51WithAHashOfTheRest() {
        String name = "A".repeat(51) + "BC";
        int hash = ((('B') << 1) + 'C') & 0xFFFF;
        assertEquals("A".repeat(51) + "-" + String.format("%05d", hash), CaNames.shortName(name));
        assertTrue(CaNames.accepts(CaNames.shortName(name), name));
        assertEquals("Short", CaNames.shortName("Short"));
    }

    @Test
    void anEscapeIsNeverCutInHalf() {
        String name = "A".repeat(49) + "&Z";
        String s = CaNames.shortName(name);
        assertTrue(s.startsWith("A".repeat(49) + "-"), s);
    }
}
