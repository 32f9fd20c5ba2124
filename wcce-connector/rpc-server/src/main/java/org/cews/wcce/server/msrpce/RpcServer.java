package org.cews.wcce.server.msrpce;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.cews.wcce.msrpce.RpcByteChannel;
import org.cews.wcce.msrpce.RpcException;
import org.cews.wcce.msrpce.RpcLimits;
import org.cews.wcce.msrpce.SyntaxId;

/**
 * A connection-oriented RPC server ([MS-RPCE] 3.3.3) for the lab: the interfaces it offers, the
 * security it accepts and its limits. {@link #serve} runs one connection to its end on the calling
 * thread; connections share nothing but the association group counter, so one {@code RpcServer}
 * may serve many connections at once.
 */
public final class RpcServer {

    private final Map<SyntaxId, RpcInterface> interfaces = new HashMap<>();
    private final ServerSecurityContextFactory security;
    private final RpcLimits limits;
    private final String secondaryAddress;
    private final AtomicInteger assocGroupIds = new AtomicInteger(0x1000);

    /**
     * @param secondaryAddress the sec_addr of every bind_ack: the port string, e.g. {@code "135"}
     */
    public RpcServer(
            List<RpcInterface> interfaces,
            ServerSecurityContextFactory security,
            RpcLimits limits,
            String secondaryAddress) {
        for (RpcInterface i : interfaces) {
            if (this.interfaces.put(i.abstractSyntax(), i) != null) {
                throw new IllegalArgumentException("interface offered twice: " + i.abstractSyntax());
            }
        }
        this.security = security;
        this.limits = limits;
        this.secondaryAddress = secondaryAddress;
    }

    /**
     * Serves one connection until the client closes it (normal return) or breaks the protocol, in
     * which case the client got a fault or bind_nak where one applies, the channel is closed, and
     * the exception says why. The channel is closed in every case.
     */
    public void serve(RpcByteChannel channel) throws IOException, RpcException {
        try (channel) {
            new RpcServerConnection(this, channel).run();
        }
    }

    Optional<RpcInterface> interfaceFor(SyntaxId abstractSyntax) {
        return Optional.ofNullable(interfaces.get(abstractSyntax));
    }

    ServerSecurityContextFactory security() {
        return security;
    }

    RpcLimits limits() {
        return limits;
    }

    String secondaryAddress() {
        return secondaryAddress;
    }

    int newAssocGroupId() {
        return assocGroupIds.incrementAndGet();
    }
}
