package org.cews.wcce.kerberos;

import static org.cews.wcce.kerberos.KerberosContextTest.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.DerReader;
import org.cews.wcce.kerberos.asn1.DerValue;
import org.cews.wcce.kerberos.asn1.DerWriter;
import org.cews.wcce.kerberos.crypto.EncryptionType;
import org.cews.wcce.kerberos.crypto.KeyUsage;
import org.cews.wcce.kerberos.gss.NegTokenInit;
import org.cews.wcce.kerberos.gss.NegTokenResp;
import org.cews.wcce.kerberos.messages.ApRep;
import org.cews.wcce.kerberos.messages.ApReq;
import org.cews.wcce.kerberos.messages.Authenticator;
import org.cews.wcce.kerberos.messages.EncApRepPart;
import org.cews.wcce.kerberos.messages.EncTicketPart;
import org.cews.wcce.kerberos.messages.PrincipalName;
import org.cews.wcce.kerberos.messages.Ticket;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.server.kerberos.KerberosServerContext;
import org.cews.wcce.server.kerberos.SpnegoServerContext;
import org.junit.jupiter.api.Test;

/** Hostile bytes end in checked exceptions: truncation everywhere, lengths past the end, wrong tags. */
class HostileTokenTest {

    private static final HexFormat HEX = HexFormat.of();

    private interface Decoder {
        void decode(byte[] der) throws DerException;
    }

    private final TestKdc kdc;
    private final ServiceTicket ticket;
    private final byte[] apReq;
    private final byte[] apRep;

    HostileTokenTest() throws Exception {
        kdc = new TestKdc(EncryptionType.AES256_CTS_HMAC_SHA1_96, 13);
        ticket = kdc.issue();
        apReq = client().initialToken();
        apRep = server().accept(apReq).orElseThrow();
    }

    /** Every prefix, both as a short buffer and re-wrapped so that the outer length fits and an inner one does not. */
    @Test
    void everyTruncationOfEveryMessageIsADerException() throws Exception {
        byte[] authenticator =
                ApReq.decode(apReq).authenticator().decrypt(ticket.sessionKey(), KeyUsage.AP_REQ_AUTHENTICATOR);
        byte[] encApRepPart = ApRep.decode(apRep).encPart().decrypt(ticket.sessionKey(), KeyUsage.AP_REP_ENC_PART);
        byte[] encTicketPart = ticket.ticket().encPart().decrypt(kdc.serviceKey, KeyUsage.TICKET);
        byte[] negTokenInit =
                NegTokenInit.of(SpnegoClientContext.MECH_TYPES, apReq).encode();
        byte[] negTokenResp = new NegTokenResp(1, null, apRep, new byte[28]).encode();

        truncations(apReq, ApReq::decode);
        truncations(apRep, ApRep::decode);
        truncations(ticket.ticket().encoded(), Ticket::decode);
        truncations(authenticator, Authenticator::decode);
        truncations(encApRepPart, EncApRepPart::decode);
        truncations(encTicketPart, EncTicketPart::decode);
        truncations(negTokenInit, NegTokenInit::decode);
        truncations(negTokenResp, NegTokenResp::decode);
    }

    @Test
    void theServerRefusesEveryTruncatedApReqWithACheckedException() {
        for (int n = 0; n < apReq.length; n++) {
            byte[] cut = Arrays.copyOf(apReq, n);
            assertThrows(RpcSecurityException.class, () -> server().accept(cut), "prefix " + n);
            byte[] rewrapped = rewrap(apReq, n);
            if (rewrapped != null) {
                assertThrows(RpcSecurityException.class, () -> server().accept(rewrapped), "re-wrapped prefix " + n);
            }
        }
    }

    @Test
    void theClientRefusesEveryTruncatedApRepWithACheckedException() throws Exception {
        for (int n = 0; n < apRep.length; n++) {
            KerberosClientContext client = client();
            client.initialToken();
            byte[] cut = Arrays.copyOf(apRep, n);
            assertThrows(RpcSecurityException.class, () -> client.nextToken(cut), "prefix " + n);
        }
    }

    @Test
    void lengthsBeyondTheBufferAndHugeLengthsAreNamed() {
        assertMessage("6e847fffffff3000", ApReq::decode, "length of 0x6e (expected: <= 2, actual: 2147483647)");
        assertMessage("6e84ffffffff", ApReq::decode, "length of 0x6e (expected: <= 0, actual: 4294967295)");
        assertMessage("6e0430820100", ApReq::decode, "length of 0x30 (expected: <= 0, actual: 256)");
        assertMessage("6e023080", ApReq::decode, "length (expected: definite form, actual: indefinite)");
        // a name-string claiming more components than there are bytes
        assertMessage(
                "300ba003020101a10430021b05",
                b -> PrincipalName.decode(DerReader.readSingle(b, 0x30)),
                "length of 0x1b (expected: <= 0, actual: 5)");
    }

    @Test
    void wrongTagsAreNamed() {
        assertMessage(HEX.formatHex(apRep), ApReq::decode, "tag (expected: 0x6e, actual: 0x6f)");
        assertMessage(HEX.formatHex(apReq), ApRep::decode, "tag (expected: 0x6f, actual: 0x6e)");
        assertMessage("6e053003a10100", ApReq::decode, "tag (expected: 0xa0, actual: 0xa1)");
        assertMessage("6e0a3008a003020104a10100", ApReq::decode, "pvno (expected: 5, actual: 4)");
        assertMessage("6e0c300aa003020105a103020200", ApReq::decode, "length of 0x02 (expected: <= 1, actual: 2)");
        assertMessage("6e0c300aa003020105a103020100", ApReq::decode, "msg-type (expected: 14, actual: 0)");
    }

    @Test
    void randomCorruptionOnlyEverGivesCheckedExceptions() {
        Random random = new Random(4120);
        for (int i = 0; i < 1500; i++) {
            byte[] mutated = mutate(apReq, random);
            try {
                server().accept(mutated);
            } catch (RpcSecurityException expected) {
                // the only acceptable failure
            } catch (RuntimeException e) {
                fail("mutation " + i + " threw " + e, e);
            }
        }
    }

    @Test
    void randomCorruptionOfApRepAndSpnegoTokensOnlyEverGivesCheckedExceptions() throws Exception {
        byte[] negTokenInit =
                NegTokenInit.of(SpnegoClientContext.MECH_TYPES, apReq).encode();
        byte[] negTokenResp = new NegTokenResp(NegTokenResp.ACCEPT_INCOMPLETE, null, apRep, null).encode();
        Random random = new Random(4178);
        for (int i = 0; i < 1500; i++) {
            byte[] init = mutate(negTokenInit, random);
            byte[] resp = mutate(negTokenResp, random);
            byte[] rep = mutate(apRep, random);
            try {
                new SpnegoServerContext(server()).accept(init);
            } catch (RpcSecurityException expected) {
                // fine
            }
            try {
                SpnegoClientContext client = new SpnegoClientContext(client());
                client.initialToken();
                client.nextToken(resp);
            } catch (RpcSecurityException expected) {
                // fine
            }
            try {
                KerberosClientContext client = client();
                client.initialToken();
                client.nextToken(rep);
            } catch (RpcSecurityException expected) {
                // fine
            }
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] mutated = original.clone();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
        }
        return mutated;
    }

    private static void truncations(byte[] der, Decoder decoder) {
        for (int n = 0; n < der.length; n++) {
            byte[] cut = Arrays.copyOf(der, n);
            assertThrows(DerException.class, () -> decoder.decode(cut), "prefix " + n + " of " + der.length);
            byte[] rewrapped = rewrap(der, n);
            if (rewrapped != null) {
                assertThrows(DerException.class, () -> decoder.decode(rewrapped), "re-wrapped prefix " + n);
            }
        }
    }

    /** The outer tag around the first {@code n} bytes of the original contents, or null if n is not inside them. */
    private static byte[] rewrap(byte[] der, int n) {
        try {
            DerValue outer = new DerReader(der).read();
            int contents = n - outer.contentStart();
            if (contents < 0 || contents >= outer.length()) {
                return null;
            }
            return DerWriter.tlv(outer.tag(), Arrays.copyOfRange(der, outer.contentStart(), n));
        } catch (DerException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertMessage(String hex, Decoder decoder, String message) {
        DerException e = assertThrows(DerException.class, () -> decoder.decode(HEX.parseHex(hex)));
        assertEquals(message, e.getMessage());
    }

    private KerberosClientContext client() {
        return new KerberosClientContext(ticket, new Random(2)::nextBytes, CLOCK);
    }

    private KerberosServerContext server() {
        return new KerberosServerContext(kdc.keys(), new Random(3)::nextBytes, CLOCK);
    }
}
