package org.cews.wcce.msrpce;

import java.io.IOException;

/**
 * Reads one fragment from a byte channel (C706 12.6.3.1): the 16-byte common header, then exactly
 * frag_length - 16 more bytes. The header is checked first, so a peer can make us allocate at most
 * the max_recv_frag we advertised.
 */
public final class FrameReader {

    private FrameReader() {}

    /** The whole fragment, header included, {@code frag_length} bytes long. */
    public static byte[] read(RpcByteChannel channel, int maxRecvFrag) throws IOException, PduException {
        byte[] header = new byte[CommonHeader.LENGTH];
        channel.readFully(header);
        CommonHeader h = CommonHeader.decode(header).checkFragLength(maxRecvFrag);
        byte[] frame = new byte[h.fragLength()];
        System.arraycopy(header, 0, frame, 0, CommonHeader.LENGTH);
        byte[] body = new byte[h.fragLength() - CommonHeader.LENGTH];
        channel.readFully(body);
        System.arraycopy(body, 0, frame, CommonHeader.LENGTH, body.length);
        return frame;
    }
}
