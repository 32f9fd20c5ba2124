package org.cews.wcce.msrpce;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** An {@link RpcByteChannel} over an input and an output stream; closing closes both. */
public final class StreamChannel implements RpcByteChannel {

    private final InputStream in;
    private final OutputStream out;

    public StreamChannel(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public void readFully(byte[] buffer) throws IOException {
        int done = 0;
        while (done < buffer.length) {
            int n = in.read(buffer, done, buffer.length - done);
            if (n < 0) {
                throw new EOFException("end of stream (expected: " + buffer.length + " bytes, actual: " + done + ")");
            }
            done += n;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            in.close();
        } finally {
            out.close();
        }
    }
}
