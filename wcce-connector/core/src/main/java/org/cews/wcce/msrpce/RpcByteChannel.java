package org.cews.wcce.msrpce;

import java.io.Closeable;
import java.io.IOException;

/**
 * The byte stream an association runs over (ncacn_ip_tcp, [MS-RPCE] 2.1.1.1): whole-buffer writes
 * and exact reads. {@code org.cews.wcce.transport.TcpChannel} implements it for TCP;
 * {@link StreamChannel} wraps any pair of streams (the lab's accepted sockets, tests' pipes).
 */
public interface RpcByteChannel extends Closeable {

    /** Writes all of {@code bytes}. */
    void write(byte[] bytes) throws IOException;

    /** Reads exactly {@code buffer.length} bytes, or throws {@link java.io.EOFException}. */
    void readFully(byte[] buffer) throws IOException;

    /**
     * Between calls: whether the peer has neither closed the stream nor sent anything unasked
     * (a connection-oriented server only speaks when spoken to, C706 12.6). A channel that cannot
     * tell answers true.
     */
    default boolean isAlive() {
        return true;
    }
}
