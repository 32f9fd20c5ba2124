package org.cews.lab.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cews.lab.FakeLabCa;
import org.cews.lab.LabAccounts;
import org.cews.wcce.epm.EpmInterface;
import org.cews.wcce.epm.EptMapResponse;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.IcprInterface;
import org.cews.wcce.msrpce.BindRejectedException;
import org.cews.wcce.msrpce.FaultStatus;
import org.cews.wcce.msrpce.RpcClientAssociation;
import org.cews.wcce.msrpce.RpcFaultException;
import org.cews.wcce.msrpce.RpcLimits;
import org.cews.wcce.msrpce.SyntaxId;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.cews.wcce.transport.TcpChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CA's RPC endpoints with NTLM, through the connector's own client code: the endpoint mapper
 * tells the ICPR port, a sealed CertServerRequest reaches the CA with the caller, and what AD CS
 * refuses is refused.
 */
class CaRpcServerTest {

    static final LabAccounts ACCOUNTS = LabAccounts.load();
    static final String ALICE_PASSWORD = ACCOUNTS.requireUser("alice").password();
    static final SyntaxId SAMR = new SyntaxId(UUID.fromString("12345778-1234-abcd-ef00-0123456789ac"), 1, 0);

    FakeLabCa ca;
    CaRpcServer server;

    @BeforeEach
    void start() throws Exception {
        ca = new FakeLabCa();
        LabSecurity security =
                new LabSecurity(ACCOUNTS.ntlm(), Optional.empty(), new SecureRandom(), Clock.systemUTC());
        server = CaRpcServer.start(ca, security, 0, 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theEndpointMapperTellsTheIcprPortOnLoopback() throws Exception {
        EptMapResponse response = LabRpcClient.eptMap(server.epmPort(), IcprInterface.SYNTAX);
        assertEquals(0, response.status());
        assertEquals(1, response.towers().size());
        assertEquals(server.icprPort(), response.towers().get(0).tcpPort());
        assertArrayEquals(new byte[] {127, 0, 0, 1}, response.towers().get(0).ipv4Address());
        assertEquals(IcprInterface.SYNTAX, response.towers().get(0).interfaceId());
    }

    @Test
    void theEndpointMapperAnswersNotRegisteredForOtherInterfaces() throws Exception {
        EptMapResponse response = LabRpcClient.eptMap(server.epmPort(), SAMR);
        assertEquals(EpmInterface.EPT_S_NOT_REGISTERED, response.status());
        assertEquals(List.of(), response.towers());
    }

    @Test
    void theEndpointMapperFaultsOtherOpnums() throws Exception {
        try (RpcClientAssociation epm = RpcClientAssociation.bindUnauthenticated(
                LabRpcClient.connect(server.epmPort()), EpmInterface.SYNTAX, RpcLimits.DEFAULT)) {
            RpcFaultException e = assertThrows(RpcFaultException.class, () -> epm.call(2, new byte[0]));
            assertEquals(FaultStatus.OP_RNG_ERROR, e.status());
            e = assertThrows(RpcFaultException.class, () -> epm.call(EpmInterface.OPNUM_EPT_MAP, new byte[] {1, 2}));
            assertEquals(FaultStatus.BAD_STUB_DATA, e.status());
        }
    }

    @Test
    void aSealedRequestAsAliceReachesTheCaWithHerName() throws Exception {
        int port = LabRpcClient.icprPort(server.epmPort());
        try (RpcClientAssociation icpr = LabRpcClient.bind(port, LabRpcClient.ntlm("alice", "LAB", ALICE_PASSWORD))) {
            CertServerRequestResponse response = LabRpcClient.submit(icpr, "CertificateTemplate:User");
            assertEquals(Disposition.ISSUED, response.disposition());
            assertArrayEquals(
                    ca.certificate().getEncoded(), response.encodedCert().bytes());
            // a second call on the same association
            assertEquals(
                    Disposition.ISSUED,
                    LabRpcClient.submit(icpr, "CertificateTemplate:User").disposition());
        }
        assertEquals(2, ca.calls.size());
        FakeLabCa.Call call = ca.calls.get(0);
        assertEquals(new RpcPrincipal("alice", "LAB"), call.caller());
        assertEquals("LAB\\alice", call.caller().toString());
        assertEquals("Lab-Issuing-CA", call.request().authority());
        assertArrayEquals(LabRpcClient.CSR, call.request().request().bytes());
    }

    @Test
    void theDnsDomainNameIsAcceptedToo() throws Exception {
        try (RpcClientAssociation icpr =
                LabRpcClient.bind(server.icprPort(), LabRpcClient.ntlm("ALICE", "lab.example", ALICE_PASSWORD))) {
            assertEquals(Disposition.ISSUED, LabRpcClient.submit(icpr, "").disposition());
        }
        assertEquals(new RpcPrincipal("ALICE", "lab.example"), ca.calls.get(0).caller());
    }

    @Test
    void aWrongPasswordIsRefusedBeforeTheCa() {
        assertRefused(LabRpcClient.ntlm("alice", "LAB", "not her password"));
    }

    @Test
    void anUnknownUserOrDomainIsRefused() {
        assertRefused(LabRpcClient.ntlm("mallory", "LAB", ALICE_PASSWORD));
        assertRefused(LabRpcClient.ntlm("alice", "OTHER", ALICE_PASSWORD));
    }

    private void assertRefused(org.cews.wcce.msrpce.ClientSecurityContext security) {
        // NTLM's third leg (auth3) has no answer: the refusal shows on the first call
        Exception e = assertThrows(Exception.class, () -> {
            try (RpcClientAssociation icpr = LabRpcClient.bind(server.icprPort(), security)) {
                LabRpcClient.submit(icpr, "CertificateTemplate:User");
            }
        });
        assertTrue(e instanceof RpcFaultException || e instanceof IOException, e.toString());
        assertEquals(List.of(), ca.calls);
    }

    @Test
    void anUnknownOpnumIsAFaultAndTheAssociationGoesOn() throws Exception {
        try (RpcClientAssociation icpr = LabRpcClient.bind(
                server.icprPort(),
                LabRpcClient.ntlm("bob", "LAB", ACCOUNTS.requireUser("bob").password()))) {
            RpcFaultException e = assertThrows(RpcFaultException.class, () -> icpr.call(1, new byte[4]));
            assertEquals(FaultStatus.OP_RNG_ERROR, e.status());
            e = assertThrows(
                    RpcFaultException.class,
                    () -> icpr.call(IcprInterface.OPNUM_CERT_SERVER_REQUEST, new byte[] {0, 0, 0}));
            assertEquals(FaultStatus.BAD_STUB_DATA, e.status());
            assertEquals(Disposition.ISSUED, LabRpcClient.submit(icpr, "").disposition());
        }
        assertEquals(1, ca.calls.size());
    }

    @Test
    void anUnauthenticatedCallIsDenied() throws Exception {
        try (RpcClientAssociation icpr = RpcClientAssociation.bindUnauthenticated(
                LabRpcClient.connect(server.icprPort()), IcprInterface.SYNTAX, RpcLimits.DEFAULT)) {
            RpcFaultException e = assertThrows(RpcFaultException.class, () -> LabRpcClient.submit(icpr, ""));
            assertEquals(FaultStatus.ACCESS_DENIED, e.status());
        }
        assertEquals(List.of(), ca.calls);
    }

    @Test
    void kerberosIsNotOfferedWithoutTheCaKeys() throws Exception {
        var kerberos = new org.cews.wcce.msrpce.ClientSecurityContext() {
            @Override
            public org.cews.wcce.msrpce.AuthType authType() {
                return org.cews.wcce.msrpce.AuthType.KERBEROS;
            }

            @Override
            public ThirdLeg thirdLeg() {
                return ThirdLeg.ALTER_CONTEXT;
            }

            @Override
            public byte[] initialToken() {
                return new byte[] {0x60, 0};
            }

            @Override
            public Optional<byte[]> nextToken(byte[] serverToken) {
                return Optional.empty();
            }

            @Override
            public boolean isEstablished() {
                return false;
            }

            @Override
            public org.cews.wcce.msrpce.PduProtection protection() {
                throw new IllegalStateException();
            }
        };
        assertThrows(BindRejectedException.class, () -> LabRpcClient.bind(server.icprPort(), kerberos));
    }

    @Test
    void closingFreesBothPortsAndEndsOpenConnections() throws Exception {
        int epm = server.epmPort();
        int icpr = server.icprPort();
        TcpChannel idle = LabRpcClient.connect(icpr);
        server.close();
        assertThrows(IOException.class, () -> idle.readFully(new byte[1]));
        for (int port : new int[] {epm, icpr}) {
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertEquals(port, again.getLocalPort());
            }
        }
    }
}
