package org.cews.client.soap;

import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Random UUIDs (RFC 4122 §4.4, version 4) from an injected source, for WS-Addressing MessageIDs
 * ({@code urn:uuid:...}) and WS-Security element ids.
 */
public final class MessageIds implements Supplier<UUID> {
    private final Random random;

    public MessageIds(Random random) {
        this.random = random;
    }

    @Override
    public synchronized UUID get() {
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    /** {@code urn:uuid:<uuid>}, as a MessageID. */
    public String urn() {
        return "urn:uuid:" + get();
    }
}
