package org.cews.lab.rpc;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.cews.lab.LabRealm;
import org.cews.wcce.epm.EpmInterface;
import org.cews.wcce.epm.EptMap;
import org.cews.wcce.epm.EptMapResponse;
import org.cews.wcce.msicpr.CertServerRequest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.IcprInterface;
import org.cews.wcce.msicpr.RequestFlags;
import org.cews.wcce.msicpr.RequestType;
import org.cews.wcce.msnlmp.NtlmClientContext;
import org.cews.wcce.msnlmp.NtlmCredential;
import org.cews.wcce.msrpce.ClientSecurityContext;
import org.cews.wcce.msrpce.RpcClientAssociation;
import org.cews.wcce.msrpce.RpcLimits;
import org.cews.wcce.msrpce.SyntaxId;
import org.cews.wcce.transport.TcpChannel;

/** The connector's own client code, as the CES uses it, aimed at a lab on loopback. */
final class LabRpcClient {

    static final byte[] CSR =
            "not really a PKCS#10; the fake CA does not look".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private LabRpcClient() {}

    static TcpChannel connect(int port) throws Exception {
        return TcpChannel.open(LabRealm.LOOPBACK, port, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    /** ept_map for {@code iface}, unauthenticated, as a client asks the endpoint mapper first. */
    static EptMapResponse eptMap(int epmPort, SyntaxId iface) throws Exception {
        try (RpcClientAssociation epm =
                RpcClientAssociation.bindUnauthenticated(connect(epmPort), EpmInterface.SYNTAX, RpcLimits.DEFAULT)) {
            return EptMapResponse.decode(epm.call(
                    EpmInterface.OPNUM_EPT_MAP, EptMap.forInterface(iface, 4).encode()));
        }
    }

    static int icprPort(int epmPort) throws Exception {
        EptMapResponse response = eptMap(epmPort, IcprInterface.SYNTAX);
        if (response.status() != 0 || response.towers().isEmpty()) {
            throw new AssertionError("ICPR not registered: status " + Integer.toHexString(response.status()));
        }
        return response.towers().get(0).tcpPort();
    }

    static ClientSecurityContext ntlm(String user, String domain, String password) {
        return new NtlmClientContext(
                NtlmCredential.ofPassword(user, domain, password.toCharArray()),
                "CES01",
                LabRealm.CA_SPN,
                new SecureRandom()::nextBytes,
                Clock.systemUTC());
    }

    static RpcClientAssociation bind(int icprPort, ClientSecurityContext security) throws Exception {
        return RpcClientAssociation.bind(connect(icprPort), IcprInterface.SYNTAX, security, RpcLimits.DEFAULT);
    }

    static CertServerRequestResponse submit(RpcClientAssociation icpr, String attributes) throws Exception {
        return submit(icpr, "Lab-Issuing-CA", attributes, CSR);
    }

    static CertServerRequestResponse submit(RpcClientAssociation icpr, String authority, String attributes, byte[] der)
            throws Exception {
        CertServerRequest request =
                CertServerRequest.submit(RequestFlags.of(RequestType.PKCS10), authority, attributes, der);
        return CertServerRequestResponse.decode(icpr.call(IcprInterface.OPNUM_CERT_SERVER_REQUEST, request.encode()));
    }
}
