package org.cews.wcce.epm;

import java.io.IOException;
import org.cews.wcce.msrpce.RpcByteChannel;
import org.cews.wcce.msrpce.RpcClientAssociation;
import org.cews.wcce.msrpce.RpcException;
import org.cews.wcce.msrpce.RpcLimits;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.msrpce.SyntaxId;
import org.cews.wcce.ndr.NdrException;

/**
 * Asks a host's endpoint mapper which TCP port serves an interface: an unauthenticated bind to
 * the endpoint mapper and one ept_map call ([MS-RPCE] 2.2.1.2.5, C706 appendix L), as every
 * ncacn_ip_tcp client does before it binds ([MS-ICPR] 3.2.3).
 */
public final class EndpointMapperClient {

    private EndpointMapperClient() {}

    /**
     * The TCP port of the first ncacn_ip_tcp tower registered for {@code iface}. The channel is
     * connected to the endpoint mapper (TCP 135 on Windows) and is closed on return.
     *
     * @throws EndpointNotRegisteredException when the mapper knows no such interface
     */
    public static int tcpPort(RpcByteChannel channel, SyntaxId iface)
            throws IOException, RpcException, EndpointNotRegisteredException {
        try (RpcClientAssociation epm =
                RpcClientAssociation.bindUnauthenticated(channel, EpmInterface.SYNTAX, RpcLimits.DEFAULT)) {
            byte[] stub = epm.call(
                    EpmInterface.OPNUM_EPT_MAP, EptMap.forInterface(iface, 4).encode());
            EptMapResponse response = EptMapResponse.decode(stub);
            if (response.status() != 0 || response.towers().isEmpty()) {
                throw new EndpointNotRegisteredException(iface, response.status());
            }
            return response.towers().get(0).tcpPort();
        } catch (NdrException e) {
            throw new EndpointNotRegisteredException(iface, e);
        } catch (RpcSecurityException e) {
            throw new IllegalStateException("an unauthenticated call cannot fail security: " + e.getMessage(), e);
        }
    }
}
