package org.cews.it.samba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.cews.wcce.epm.EndpointMapperClient;
import org.cews.wcce.epm.EpmInterface;
import org.cews.wcce.msnlmp.NtlmClientContext;
import org.cews.wcce.msnlmp.NtlmCredential;
import org.cews.wcce.msrpce.RpcClientAssociation;
import org.cews.wcce.msrpce.RpcException;
import org.cews.wcce.msrpce.RpcLimits;
import org.cews.wcce.transport.TcpChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The connector's RPC layer and NTLM provider against Samba's RPC server, an MS-RPCE
 * implementation we did not write and one strict about padding, trailers and signatures
 * (docs/RPC-NTLM.md): endpoint mapper lookup, NTLMv2 bind at packet privacy, sealed
 * SAMR calls, a request sealed in many fragments, and a wrong password refused.
 */
@ExtendWith(SambaDomainController.Extension.class)
class SambaNtlmRpcIT {

    private static TcpChannel connect(int port) throws IOException {
        return TcpChannel.open(SambaDomainController.HOST, port, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    private static int samrPort() throws Exception {
        return EndpointMapperClient.tcpPort(connect(EpmInterface.TCP_PORT), SamrCalls.SAMR);
    }

    private static RpcClientAssociation bindSamr(String password, RpcLimits limits) throws Exception {
        NtlmClientContext ntlm = new NtlmClientContext(
                NtlmCredential.ofPassword(
                        SambaDomainController.ADMIN, SambaDomainController.DOMAIN, password.toCharArray()),
                "CEWSTEST",
                "host/dc1.test.example",
                new SecureRandom()::nextBytes,
                Clock.systemUTC());
        return RpcClientAssociation.bind(connect(samrPort()), SamrCalls.SAMR, ntlm, limits);
    }

    @Test
    void endpointMapperAnswersWithSamrsPort(SambaDomainController dc) throws Exception {
        int port = samrPort();
        assertTrue(port >= 1024, "samr port " + port);
    }

    @Test
    void sealedCallsAtPacketPrivacy(SambaDomainController dc) throws Exception {
        try (RpcClientAssociation samr = bindSamr(SambaDomainController.ADMIN_PASSWORD, RpcLimits.DEFAULT)) {
            byte[] connected = samr.call(SamrCalls.SAMR_CONNECT2, SamrCalls.connect2(null));
            assertEquals(0, SamrCalls.status(connected), "SamrConnect2 status");
            byte[] handle = Arrays.copyOf(connected, 20);

            byte[] domains =
                    samr.call(SamrCalls.SAMR_ENUMERATE_DOMAINS_IN_SAM_SERVER, SamrCalls.enumerateDomains(handle));
            assertEquals(0, SamrCalls.status(domains), "SamrEnumerateDomainsInSamServer status");
            // Samba names the two domains "TEST" and "BUILTIN" (case varies between servers).
            String text = new String(domains, StandardCharsets.UTF_16LE).toUpperCase(java.util.Locale.ROOT);
            assertTrue(text.contains("TEST") && text.contains("BUILTIN"), "domains in the sealed response: " + text);

            byte[] closed = samr.call(SamrCalls.SAMR_CLOSE_HANDLE, SamrCalls.closeHandle(handle));
            assertEquals(0, SamrCalls.status(closed), "SamrCloseHandle status");
        }
    }

    @Test
    void requestSealedInManyFragments(SambaDomainController dc) throws Exception {
        // Small fragments (1432 bytes, the floor both sides accept) and a 12 kB server name: the
        // request goes in about nine fragments, each with its own trailer, seal and sequence number.
        RpcLimits small = new RpcLimits(1432, 1432, RpcLimits.DEFAULT.maxStubLength());
        String longName = "x".repeat(6000);
        try (RpcClientAssociation samr = bindSamr(SambaDomainController.ADMIN_PASSWORD, small)) {
            assertEquals(1432, samr.maxXmitFrag());
            byte[] connected = samr.call(SamrCalls.SAMR_CONNECT2, SamrCalls.connect2(longName));
            assertEquals(0, SamrCalls.status(connected), "SamrConnect2 status after reassembly by Samba");
            byte[] handle = Arrays.copyOf(connected, 20);
            assertEquals(0, SamrCalls.status(samr.call(SamrCalls.SAMR_CLOSE_HANDLE, SamrCalls.closeHandle(handle))));
        }
    }

    @Test
    void wrongPasswordIsRefusedAtTheFirstCall(SambaDomainController dc) {
        // auth3 has no reply: Samba refuses the first request (docs/RPC-NTLM.md §1.3).
        Exception e = assertThrows(Exception.class, () -> {
            try (RpcClientAssociation samr = bindSamr("not-the-password", RpcLimits.DEFAULT)) {
                samr.call(SamrCalls.SAMR_CONNECT2, SamrCalls.connect2(null));
            }
        });
        assertTrue(e instanceof RpcException || e instanceof IOException, "refusal, got " + e);
    }
}
