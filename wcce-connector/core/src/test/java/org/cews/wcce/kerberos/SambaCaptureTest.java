package org.cews.wcce.kerberos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.cews.wcce.kerberos.crypto.EncryptionKey;
import org.cews.wcce.kerberos.crypto.EncryptionType;
import org.cews.wcce.kerberos.messages.PrincipalName;
import org.cews.wcce.msrpce.ClientSecurityContext;
import org.cews.wcce.msrpce.PduProtection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays sessions captured against Samba 4.17 (see the resource files' headers): with the same
 * seed and clock our client must produce byte for byte the tokens and sealed requests Samba
 * accepted, and must read Samba's AP-REP, MIC and sealed responses.
 */
class SambaCaptureTest {

    private static final HexFormat HEX = HexFormat.of();

    private record Line(String key, String value) {}

    @ParameterizedTest(name = "auth_type {0}")
    @ValueSource(ints = {16, 9})
    void replayTheSambaSession(int authType) throws Exception {
        List<Line> lines = read("samba-4.17-samr-auth" + authType + ".txt");
        Instant clock = Instant.parse(value(lines, "clock"));
        long seed = Long.parseLong(value(lines, "seed"));
        String[] client = value(lines, "client").split(" ");
        String[] key = value(lines, "session-key").split(" ");
        ServiceTicket ticket = ServiceTicket.of(
                HEX.parseHex(value(lines, "ticket")),
                new EncryptionKey(new EncryptionType(Integer.parseInt(key[0])), HEX.parseHex(key[1])),
                PrincipalName.of(PrincipalName.NT_PRINCIPAL, client[0]),
                client[1]);
        KerberosClientContext kerberos =
                new KerberosClientContext(ticket, new Random(seed)::nextBytes, Clock.fixed(clock, ZoneOffset.UTC));
        ClientSecurityContext context = authType == 16 ? kerberos : new SpnegoClientContext(kerberos);

        Optional<byte[]> expectedNext = Optional.of(context.initialToken());
        int calls = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            byte[] bytes = line.key().matches("[cs]-.*") ? HEX.parseHex(line.value()) : null;
            switch (line.key()) {
                case "c-token" -> assertEquals(HEX.formatHex(expectedNext.orElseThrow()), line.value(), "line " + i);
                case "s-token" -> expectedNext = context.nextToken(bytes);
                case "c-plain" -> {
                    PduProtection protection = context.protection();
                    protection.seal(bytes, 24, bytes.length - 24 - 8 - protection.verifierLength());
                    assertEquals(lines.get(i + 1).value(), HEX.formatHex(bytes), "sealed request, line " + i);
                    calls++;
                }
                case "s-sealed" -> {
                    PduProtection protection = context.protection();
                    int verifier = bytes.length - protection.verifierLength();
                    assertEquals("050407ff0010001c", HEX.formatHex(bytes, verifier, verifier + 8), "Samba's header");
                    protection.unseal(bytes, 24, verifier - 8 - 24);
                    assertEquals(lines.get(i + 1).value(), HEX.formatHex(bytes), "unsealed response, line " + i);
                }
                default -> {}
            }
        }
        assertTrue(context.isEstablished());
        assertEquals(11, calls);
    }

    private static String value(List<Line> lines, String key) {
        return lines.stream()
                .filter(l -> l.key().equals(key))
                .findFirst()
                .orElseThrow()
                .value();
    }

    private static List<Line> read(String name) throws Exception {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = SambaCaptureTest.class.getResourceAsStream(name);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int space = line.indexOf(' ');
                    lines.add(new Line(line.substring(0, space), line.substring(space + 1)));
                }
            }
        }
        return lines;
    }
}
