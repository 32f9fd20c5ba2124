package org.cews.wcce.msnlmp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Hands out the given nonces in order, each exactly as long as asked for. */
final class FixedNonces implements NonceSource {

    private final Deque<byte[]> queue;

    FixedNonces(byte[]... nonces) {
        this.queue = new ArrayDeque<>(List.of(nonces));
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] next = queue.removeFirst();
        assertEquals(next.length, bytes.length, "nonce length");
        System.arraycopy(next, 0, bytes, 0, bytes.length);
    }

    boolean usedUp() {
        return queue.isEmpty();
    }
}
