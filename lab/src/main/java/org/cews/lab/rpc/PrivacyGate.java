package org.cews.lab.rpc;

import java.io.IOException;
import org.cews.wcce.msrpce.CommonHeader;
import org.cews.wcce.msrpce.FaultPdu;
import org.cews.wcce.msrpce.FaultStatus;
import org.cews.wcce.msrpce.PacketType;
import org.cews.wcce.msrpce.PduEncoder;
import org.cews.wcce.msrpce.PduException;
import org.cews.wcce.msrpce.RpcByteChannel;

/**
 * The server's byte channel, watched fragment by fragment (C706 12.6.3.1: each fragment begins
 * with the 16-byte common header, frag_length long). Where every interface requires packet privacy
 * (MS-ICPR, [MS-ICPR] 2.1), a request PDU without authentication (auth_length 0, [MS-RPCE] 2.2.2.11)
 * can only be refused; it is refused at its first fragment with a fault, nca_s_fault_access_denied,
 * as the server would after reassembly, without buffering the stub the client announces (up to the
 * 4 MiB stub limit). Everything else passes through unchanged, to be judged by the RPC server.
 *
 * <p>The check belongs in the connector core's RpcServerConnection, before reassembly; it is here
 * because the lab may not change the core in this change (issue 11 item 7, to move with item 10).
 */
final class PrivacyGate implements RpcByteChannel {

    /** The connection was refused here; the client has had its fault. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private final RpcByteChannel channel;
    private final boolean privacyOnly;
    private byte[] header;
    private int headerDelivered;
    private long bodyLeft;

    PrivacyGate(RpcByteChannel channel, boolean privacyOnly) {
        this.channel = channel;
        this.privacyOnly = privacyOnly;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        channel.write(bytes);
    }

    @Override
    public void readFully(byte[] buffer) throws IOException {
        int done = 0;
        while (done < buffer.length) {
            if (header != null && headerDelivered < header.length) {
                int n = Math.min(header.length - headerDelivered, buffer.length - done);
                System.arraycopy(header, headerDelivered, buffer, done, n);
                headerDelivered += n;
                done += n;
            } else if (bodyLeft > 0) {
                int n = (int) Math.min(bodyLeft, buffer.length - done);
                byte[] part = new byte[n];
                channel.readFully(part);
                System.arraycopy(part, 0, buffer, done, n);
                bodyLeft -= n;
                done += n;
            } else {
                nextHeader();
            }
        }
    }

    private void nextHeader() throws IOException {
        byte[] next = new byte[CommonHeader.LENGTH];
        channel.readFully(next);
        header = next;
        headerDelivered = 0;
        bodyLeft = (next[8] & 0xFF | (next[9] & 0xFF) << 8) - CommonHeader.LENGTH;
        CommonHeader h;
        try {
            h = CommonHeader.decode(next);
        } catch (PduException e) {
            bodyLeft = Math.max(0, bodyLeft);
            return; // the RPC server reads the same header and answers it
        }
        if (privacyOnly && h.type().equals(PacketType.REQUEST) && h.authLength() == 0) {
            channel.write(PduEncoder.encode(FaultPdu.of(h.callId(), 0, FaultStatus.ACCESS_DENIED)));
            throw new Refused("request call_id " + h.callId()
                    + " (expected: sealed at packet privacy, actual: no authentication), refused at its first"
                    + " fragment");
        }
    }

    @Override
    public boolean isAlive() {
        return channel.isAlive();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
