package org.cews.client.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIdsTest {
    @Test
    void idsAreVersion4UuidsFromTheInjectedSource() {
        UUID a = new MessageIds(new Random(7)).get();
        assertEquals(4, a.version());
        assertEquals(2, a.variant());
        assertEquals(a, new MessageIds(new Random(7)).get());
        MessageIds ids = new MessageIds(new Random(7));
        assertNotEquals(ids.get(), ids.get());
        assertEquals("urn:uuid:" + a, new MessageIds(new Random(7)).urn());
    }
}
