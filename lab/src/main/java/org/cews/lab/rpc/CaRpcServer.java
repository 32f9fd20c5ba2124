package org.cews.lab.rpc;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.cews.lab.LabRealm;
import org.cews.lab.ca.LabCa;
import org.cews.wcce.epm.EpmInterface;
import org.cews.wcce.msicpr.IcprInterface;
import org.cews.wcce.msrpce.RpcLimits;
import org.cews.wcce.server.msrpce.RpcInterface;
import org.cews.wcce.server.msrpce.RpcServer;
import org.cews.wcce.server.msrpce.ServerSecurityContextFactory;

/**
 * The lab CA's RPC endpoints on 127.0.0.1, as an AD CS host has them ([MS-ICPR] 2.1): the endpoint
 * mapper (Windows: 135; the lab: 10135 by default), unauthenticated, and ICertPassage on its own
 * port (OS-chosen by default, as Windows picks one from its dynamic range) at packet privacy,
 * with the security providers of {@link LabSecurity}. The endpoint mapper reports the ICPR port.
 * Both listeners hold idle and unauthenticated sockets to {@link RpcListener.Limits#DEFAULT}.
 */
public final class CaRpcServer implements AutoCloseable {

    /** Connections served at once per endpoint; beyond it, unauthenticated ones make room or new ones are closed. */
    public static final int MAX_CONNECTIONS = RpcListener.Limits.DEFAULT.maxConnections();

    private final RpcListener icpr;
    private final RpcListener epm;

    private CaRpcServer(RpcListener icpr, RpcListener epm) {
        this.icpr = icpr;
        this.epm = epm;
    }

    /** Opens the ICPR endpoint on {@code icprPort}, then the endpoint mapper on {@code epmPort}; 0 lets the OS choose. */
    public static CaRpcServer start(LabCa ca, ServerSecurityContextFactory security, int epmPort, int icprPort)
            throws IOException {
        return start(ca, security, epmPort, icprPort, RpcListener.Limits.DEFAULT);
    }

    static CaRpcServer start(
            LabCa ca, ServerSecurityContextFactory security, int epmPort, int icprPort, RpcListener.Limits limits)
            throws IOException {
        InetAddress loopback = InetAddress.getByName(LabRealm.LOOPBACK);
        List<RpcInterface> icprInterfaces =
                List.of(RpcInterface.authenticated(IcprInterface.SYNTAX, new IcprHandler(ca)));
        RpcListener icpr = RpcListener.open(
                "icpr",
                loopback,
                icprPort,
                (port, connection) -> new RpcServer(
                        icprInterfaces, connection.observe(security), RpcLimits.DEFAULT, String.valueOf(port)),
                true,
                limits);
        try {
            EndpointMapperHandler mapper = new EndpointMapperHandler(Map.of(IcprInterface.SYNTAX, icpr.port()));
            List<RpcInterface> epmInterfaces = List.of(RpcInterface.unauthenticated(EpmInterface.SYNTAX, mapper));
            RpcListener epm = RpcListener.open(
                    "epm",
                    loopback,
                    epmPort,
                    (port, connection) -> new RpcServer(
                            epmInterfaces,
                            ServerSecurityContextFactory.none(),
                            RpcLimits.DEFAULT,
                            String.valueOf(port)),
                    false,
                    limits);
            return new CaRpcServer(icpr, epm);
        } catch (IOException | RuntimeException e) {
            icpr.close();
            throw e;
        }
    }

    public int epmPort() {
        return epm.port();
    }

    public int icprPort() {
        return icpr.port();
    }

    @Override
    public void close() {
        epm.close();
        icpr.close();
    }
}
