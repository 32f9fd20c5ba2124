package org.cews.wcce.msrpce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import org.junit.jupiter.api.Test;

/** Fragments arrive whole whatever the stream's read boundaries. */
class FrameReaderTest {

    @Test
    void twoFramesFedInEverySplit() throws Exception {
        byte[] first = Golden.load("bind-ntlm-samr.hex");
        byte[] second = Golden.load("request-samr-connect2-ntlm.hex");
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        for (int split = 0; split <= both.length; split++) {
            InputStream in = new SequenceInputStream(
                    new ByteArrayInputStream(both, 0, split),
                    new ByteArrayInputStream(both, split, both.length - split));
            StreamChannel channel = new StreamChannel(in, OutputStream.nullOutputStream());
            assertEquals(Golden.hex(first), Golden.hex(FrameReader.read(channel, 5840)), "split " + split);
            assertEquals(Golden.hex(second), Golden.hex(FrameReader.read(channel, 5840)), "split " + split);
        }
    }

    @Test
    void fedOneByteAtATime() throws Exception {
        byte[] wire = Golden.load("bind-ack-ntlm.hex");
        InputStream trickle = new InputStream() {
            private int position;

            @Override
            public int read() {
                return position < wire.length ? wire[position++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position == wire.length) {
                    return -1;
                }
                b[off] = wire[position++];
                return 1;
            }
        };
        StreamChannel channel = new StreamChannel(trickle, OutputStream.nullOutputStream());
        assertEquals(Golden.hex(wire), Golden.hex(FrameReader.read(channel, 5840)));
    }
}
