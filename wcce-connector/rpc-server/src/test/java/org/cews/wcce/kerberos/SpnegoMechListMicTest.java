package org.cews.wcce.kerberos;

import static org.cews.wcce.kerberos.KerberosContextTest.CLOCK;
import static org.cews.wcce.kerberos.KerberosContextTest.exchangeCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cews.wcce.kerberos.asn1.Oid;
import org.cews.wcce.kerberos.crypto.EncryptionType;
import org.cews.wcce.kerberos.gss.NegTokenInit;
import org.cews.wcce.kerberos.gss.NegTokenResp;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.server.kerberos.KerberosServerContext;
import org.cews.wcce.server.kerberos.SpnegoServerContext;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The acceptor's rule for the initiator's mechListMIC, RFC 4178 §5: optional when the selected
 * mechanism is the initiator's first (the acceptor takes any Kerberos OID, so it is then the most
 * preferred of both ends), required otherwise; verified whenever sent. The initiator here is
 * {@link KerberosClientContext} wrapped by hand, so that each case can send or omit the MIC.
 */
class SpnegoMechListMicTest {

    static final Oid NTLM = Oid.parse("1.3.6.1.4.1.311.2.2.10");

    enum Mic {
        NONE,
        VALID,
        TAMPERED
    }

    private final TestKdc kdc;

    SpnegoMechListMicTest() throws Exception {
        kdc = new TestKdc(EncryptionType.AES256_CTS_HMAC_SHA1_96, 7);
    }

    @ParameterizedTest(name = "{0} {1}, MIC {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            # mechTypes      | optimistic | MIC      | outcome
            # the three cases of issue 4
            MS_KRB5 KRB5     | true       | NONE     | accepted
            MS_KRB5 KRB5     | true       | TAMPERED | client mechListMIC: MIC token checksum under usage 25 (expected: a match, actual: a mismatch)
            NTLM MS_KRB5     | true       | NONE     | SPNEGO mechListMIC (expected: present, 1.2.840.48018.1.2.2 not being the initiator's first mechanism, actual: absent)
            # around them
            MS_KRB5          | true       | NONE     | accepted
            KRB5 MS_KRB5     | true       | NONE     | accepted
            MS_KRB5 KRB5     | true       | VALID    | accepted
            MS_KRB5 KRB5     | false      | NONE     | accepted
            MS_KRB5 KRB5     | false      | TAMPERED | client mechListMIC: MIC token checksum under usage 25 (expected: a match, actual: a mismatch)
            NTLM MS_KRB5     | true       | VALID    | accepted
            NTLM KRB5        | false      | VALID    | accepted
            NTLM KRB5        | false      | NONE     | SPNEGO mechListMIC (expected: present, 1.2.840.113554.1.2.2 not being the initiator's first mechanism, actual: absent)
            NTLM MS_KRB5     | true       | TAMPERED | client mechListMIC: MIC token checksum under usage 25 (expected: a match, actual: a mismatch)
            """)
    void theMechListMicIsOptionalOnlyForTheInitiatorsFirstChoice(
            String mechTypes, boolean optimistic, Mic mic, String outcome) throws Exception {
        List<Oid> list = Arrays.stream(mechTypes.split(" "))
                .map(SpnegoMechListMicTest::oid)
                .toList();
        Exchange x = new Exchange(list, optimistic);
        byte[] third = x.thirdLeg(mic);
        if (!outcome.equals("accepted")) {
            RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> x.server.accept(third));
            assertEquals(outcome, e.getMessage());
            assertFalse(x.server.isEstablished());
            assertThrows(RpcSecurityException.class, x.server::protection);
            return;
        }
        NegTokenResp last = NegTokenResp.decode(x.server.accept(third).orElseThrow());
        assertEquals(NegTokenResp.ACCEPT_COMPLETED, last.negState());
        assertNull(last.responseToken());
        assertTrue(x.server.isEstablished());
        assertEquals(new RpcPrincipal("alice", "LAB.TEST"), x.server.principal());
        if (mic == Mic.NONE) {
            assertNull(last.mechListMic(), "no MIC exchange: none of ours either");
        } else {
            assertNotNull(last.mechListMic(), "a MIC is answered with ours");
            x.client.verifyMic(x.mechTypesDer, last.mechListMic());
        }
        // the sequence numbers agree: each MIC that was exchanged used one, an absent one none
        exchangeCalls(x.client.protection(), x.server.protection(), 3);
    }

    @Test
    void aListWithoutKerberosIsRefused() throws Exception {
        byte[] init = NegTokenInit.of(List.of(NTLM), new byte[] {1}).encode();
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> server().accept(init));
        assertEquals(
                "SPNEGO mechTypes (expected: Kerberos among them, actual: [1.3.6.1.4.1.311.2.2.10])", e.getMessage());
    }

    @Test
    void kerberosAfterAnotherMechanismIsAskedForWithRequestMic() throws Exception {
        SpnegoServerContext server = server();
        byte[] ntlmNegotiate = "NTLMSSP\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        NegTokenResp first =
                NegTokenResp.decode(server.accept(NegTokenInit.of(List.of(NTLM, Oid.MS_KRB5, Oid.KRB5), ntlmNegotiate)
                                .encode())
                        .orElseThrow());
        assertEquals(NegTokenResp.REQUEST_MIC, first.negState());
        assertEquals(Oid.MS_KRB5, first.supportedMech());
        assertNull(first.responseToken(), "the NTLM token is not answered");
        assertNull(first.mechListMic());
        assertFalse(server.isEstablished());
    }

    @Test
    void theLegAfterANonOptimisticInitMustBringTheApReqAndNoMic() throws Exception {
        for (NegTokenResp bad : new NegTokenResp[] {
            new NegTokenResp(null, null, null, null), new NegTokenResp(null, null, new byte[] {1}, new byte[] {2})
        }) {
            SpnegoServerContext server = server();
            server.accept(NegTokenInit.of(List.of(NTLM, Oid.MS_KRB5), null).encode());
            RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> server.accept(bad.encode()));
            assertEquals(
                    bad.responseToken() == null
                            ? "SPNEGO responseToken (expected: the client's AP-REQ, actual: absent)"
                            : "SPNEGO mechListMIC (expected: absent before the AP exchange, actual: present)",
                    e.getMessage());
            assertThrows(RpcSecurityException.class, () -> server.accept(bad.encode()), "failed for good");
        }
    }

    private static Oid oid(String name) {
        return switch (name) {
            case "MS_KRB5" -> Oid.MS_KRB5;
            case "KRB5" -> Oid.KRB5;
            case "NTLM" -> NTLM;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private SpnegoServerContext server() {
        return new SpnegoServerContext(new KerberosServerContext(kdc.keys(), new Random(3)::nextBytes, CLOCK));
    }

    /** One initiator driven by hand up to its third leg. */
    private final class Exchange {

        final KerberosClientContext client;
        final SpnegoServerContext server = server();
        final byte[] mechTypesDer;
        private final byte[] clientApRep;

        Exchange(List<Oid> mechTypes, boolean optimistic) throws Exception {
            client = new KerberosClientContext(kdc.issue(), new Random(2)::nextBytes, CLOCK);
            byte[] apReq = client.initialToken();
            boolean kerberosFirst =
                    mechTypes.get(0).equals(Oid.MS_KRB5) || mechTypes.get(0).equals(Oid.KRB5);
            byte[] mechToken = !optimistic ? null : kerberosFirst ? apReq : new byte[] {0x4e, 0x54, 0x4c, 0x4d};
            NegTokenInit init = NegTokenInit.of(mechTypes, mechToken);
            mechTypesDer = init.mechTypesDer();
            NegTokenResp first =
                    NegTokenResp.decode(server.accept(init.encode()).orElseThrow());
            Oid expected = mechTypes.stream()
                    .filter(o -> o.equals(Oid.MS_KRB5) || o.equals(Oid.KRB5))
                    .findFirst()
                    .orElseThrow();
            assertEquals(expected, first.supportedMech());
            NegTokenResp withApRep = first;
            if (!kerberosFirst || !optimistic) {
                assertEquals(
                        kerberosFirst ? NegTokenResp.ACCEPT_INCOMPLETE : NegTokenResp.REQUEST_MIC, first.negState());
                assertNull(first.responseToken());
                withApRep = NegTokenResp.decode(server.accept(new NegTokenResp(null, null, apReq, null).encode())
                        .orElseThrow());
                assertNull(withApRep.supportedMech());
            }
            assertEquals(NegTokenResp.ACCEPT_INCOMPLETE, withApRep.negState());
            assertEquals(0x6f, withApRep.responseToken()[0] & 0xFF, "the AP-REP");
            clientApRep = client.nextToken(withApRep.responseToken()).orElseThrow();
            assertFalse(server.isEstablished());
        }

        byte[] thirdLeg(Mic mic) throws Exception {
            byte[] token = mic == Mic.NONE ? null : client.signMic(mechTypesDer);
            if (mic == Mic.TAMPERED) {
                token[20] ^= 0x01;
            }
            return new NegTokenResp(null, null, clientApRep, token).encode();
        }
    }
}
