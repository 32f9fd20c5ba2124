package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cews.wcce.msicpr.CertServerRequest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.msicpr.IcprInterface;
import org.cews.wcce.msicpr.RequestFlags;
import org.cews.wcce.msicpr.RequestType;
import org.cews.wcce.msnlmp.NtlmClientContext;
import org.cews.wcce.msnlmp.NtlmCredential;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.RpcClientAssociation;
import org.cews.wcce.msrpce.RpcLimits;
import org.cews.wcce.msrpce.StreamChannel;
import org.cews.wcce.server.msnlmp.NtlmCredentialLookup;
import org.cews.wcce.server.msnlmp.NtlmServerContext;
import org.cews.wcce.server.msnlmp.NtlmServerNames;
import org.cews.wcce.server.msrpce.RpcInterface;
import org.cews.wcce.server.msrpce.RpcServer;
import org.cews.wcce.server.msrpce.ServerSecurityContext;
import org.cews.wcce.transport.TcpChannel;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * tshark, an independent dissector, reads what our RPC client and server put on the wire (an NTLM
 * bind at packet privacy and a CertServerRequest sealed in several fragments each way) as
 * well-formed DCE/RPC and NTLMSSP: every PDU type where it belongs, no malformed packet.
 */
class TsharkDissectionIT {

    private static final NtlmCredential ALICE = NtlmCredential.ofPassword("alice", "LAB", "Alice-Pw-1".toCharArray());

    @Test
    void ourPdusDissectCleanly() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/tshark"))) {
            if ("1".equals(System.getenv("CEWS_REQUIRE_TSHARK"))) {
                throw new AssertionError("CEWS_REQUIRE_TSHARK=1 but tshark is not installed");
            }
            throw new TestAbortedException("tshark is not installed (apt-get install tshark; see .ci/run)");
        }
        Path capture =
                Path.of(System.getProperty("cews.samba.dir", "target/samba")).resolveSibling("tshark.pcapng");
        Files.createDirectories(capture.getParent());
        Files.deleteIfExists(capture);
        try (ServerSocket listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            int port = listener.getLocalPort();
            Process tshark = new ProcessBuilder(
                            "tshark", "-i", "lo", "-f", "tcp port " + port, "-w", capture.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(capture.resolveSibling("tshark-capture.log").toFile())
                    .start();
            try {
                awaitCapturing(capture.resolveSibling("tshark-capture.log"));
                Thread server = serveOne(listener);
                exchange(port);
                server.join(10_000);
                Thread.sleep(1_000); // let dumpcap write the last packets
            } finally {
                tshark.destroy();
                tshark.waitFor(20, TimeUnit.SECONDS);
            }
            List<String> types = tshark(capture, port, "dcerpc.pkt_type");
            assertTrue(types.containsAll(List.of("11", "12", "16", "0", "2")), "PDU types seen: " + types);
            assertEquals(3, tshark(capture, port, "ntlmssp.messagetype").size(), "NTLMSSP messages");
            assertTrue(tshark(capture, port, "dcerpc.auth_level").stream().allMatch("6"::equals), "auth level 6");
            assertEquals(List.of(), tshark(capture, port, "_ws.malformed"), "malformed packets");
            assertEquals(List.of(), tshark(capture, port, "_ws.expert.severity == error"), "expert errors");
        }
    }

    private static void exchange(int port) throws Exception {
        byte[] csr = new byte[12_000];
        new SecureRandom().nextBytes(csr);
        TcpChannel channel = TcpChannel.open("127.0.0.1", port, Duration.ofSeconds(5), Duration.ofSeconds(20));
        NtlmClientContext ntlm = new NtlmClientContext(
                ALICE, "CES01", "host/ca01.lab.example", new SecureRandom()::nextBytes, Clock.systemUTC());
        try (RpcClientAssociation icpr =
                RpcClientAssociation.bind(channel, IcprInterface.SYNTAX, ntlm, RpcLimits.DEFAULT)) {
            byte[] answer = icpr.call(
                    IcprInterface.OPNUM_CERT_SERVER_REQUEST,
                    CertServerRequest.submit(
                                    RequestFlags.of(RequestType.PKCS10),
                                    "Lab-Issuing-CA",
                                    "CertificateTemplate:User",
                                    csr)
                            .encode());
            assertEquals(
                    Disposition.ISSUED, CertServerRequestResponse.decode(answer).disposition());
        }
    }

    /** Serves one connection: echoes the request blob back as the "certificate". */
    private static Thread serveOne(ServerSocket listener) {
        RpcServer server = new RpcServer(
                List.of(RpcInterface.authenticated(IcprInterface.SYNTAX, call -> {
                    try {
                        byte[] blob =
                                CertServerRequest.decode(call.stub()).request().bytes();
                        return new CertServerRequestResponse(
                                        1,
                                        Disposition.ISSUED,
                                        null,
                                        new org.cews.wcce.msicpr.CertTransBlob(blob),
                                        "Issued",
                                        HResult.S_OK)
                                .encode();
                    } catch (org.cews.wcce.ndr.NdrException e) {
                        throw new org.cews.wcce.msrpce.RpcFaultException(
                                org.cews.wcce.msrpce.FaultStatus.BAD_STUB_DATA);
                    }
                })),
                type -> type.equals(AuthType.NTLM)
                        ? Optional.<ServerSecurityContext>of(new NtlmServerContext(
                                NtlmCredentialLookup.of(List.of(ALICE)),
                                new NtlmServerNames("LAB", "CA01", "lab.example", "ca01.lab.example", "lab.example"),
                                new SecureRandom()::nextBytes,
                                Clock.systemUTC()))
                        : Optional.empty(),
                RpcLimits.DEFAULT,
                String.valueOf(listener.getLocalPort()));
        Thread t = new Thread(() -> {
            try (Socket socket = listener.accept()) {
                server.serve(new StreamChannel(socket.getInputStream(), socket.getOutputStream()));
            } catch (Exception ignored) {
                // The assertions on the client side and in the capture say what went wrong.
            }
        });
        t.start();
        return t;
    }

    private static void awaitCapturing(Path log) throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (Files.exists(log) && Files.readString(log).contains("Capturing on")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("tshark did not start capturing: " + (Files.exists(log) ? Files.readString(log) : ""));
    }

    /** The values of one field (or the frames matching a filter, for a filter-only query), decoded as DCE/RPC. */
    private static List<String> tshark(Path capture, int port, String fieldOrFilter)
            throws IOException, InterruptedException {
        boolean field = !fieldOrFilter.contains(" ") && !fieldOrFilter.startsWith("_ws");
        List<String> command =
                new ArrayList<>(List.of("tshark", "-r", capture.toString(), "-d", "tcp.port==" + port + ",dcerpc"));
        if (field) {
            command.addAll(List.of("-Y", fieldOrFilter, "-T", "fields", "-e", fieldOrFilter));
        } else {
            command.addAll(List.of("-Y", fieldOrFilter, "-T", "fields", "-e", "frame.number"));
        }
        // stderr (tshark warns when run as root) is not part of the answer
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tshark -r did not finish");
        assertEquals(0, p.exitValue(), out);
        return Arrays.stream(out.split("\n"))
                .flatMap(line -> Arrays.stream(line.split(",")))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
