package org.cews.wcce.msrpce;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Two connected in-memory {@link RpcByteChannel} ends for tests. Each end records what it wrote,
 * one entry per write (the RPC layer writes one fragment per write). A read waits at most 10
 * seconds, so a test cannot hang; closing an end is an EOF for the other.
 */
final class MemoryPipe {

    private static final byte[] EOF = new byte[0];

    final End client;
    final End server;

    MemoryPipe() {
        BlockingQueue<byte[]> toServer = new LinkedBlockingQueue<>();
        BlockingQueue<byte[]> toClient = new LinkedBlockingQueue<>();
        client = new End(toClient, toServer);
        server = new End(toServer, toClient);
    }

    static final class End implements RpcByteChannel {
        private final BlockingQueue<byte[]> in;
        private final BlockingQueue<byte[]> out;
        final List<byte[]> written = new CopyOnWriteArrayList<>();
        private byte[] current = new byte[0];
        private int position;
        private boolean eof;
        volatile boolean closed;

        End(BlockingQueue<byte[]> in, BlockingQueue<byte[]> out) {
            this.in = in;
            this.out = out;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            written.add(bytes.clone());
            out.add(bytes.clone());
        }

        @Override
        public void readFully(byte[] buffer) throws IOException {
            int done = 0;
            while (done < buffer.length) {
                if (position == current.length) {
                    if (eof) {
                        throw new EOFException(
                                "peer closed (expected: " + buffer.length + " bytes, actual: " + done + ")");
                    }
                    try {
                        current = in.poll(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException();
                    }
                    if (current == null) {
                        throw new IOException("read timed out");
                    }
                    position = 0;
                    eof = current == EOF;
                    continue;
                }
                int n = Math.min(buffer.length - done, current.length - position);
                System.arraycopy(current, position, buffer, done, n);
                position += n;
                done += n;
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                out.add(EOF);
            }
        }
    }
}
