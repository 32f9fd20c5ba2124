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
}
