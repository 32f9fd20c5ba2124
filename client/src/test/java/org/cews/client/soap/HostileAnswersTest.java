package org.cews.client.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.Failure;
import org.cews.client.Fixtures;
import org.cews.client.wstep.RstrcReader;
import org.cews.client.xcep.GetPoliciesResponseReader;
import org.junit.jupiter.api.Test;

/** Answers a server should never send: each gives a ClientException of kind PROTOCOL, never a RuntimeException. */
class HostileAnswersTest {

    @Test
    void aPolicyTruncatedAtEveryLengthIsAProtocolError() {
        byte[] whole = envelope(Fixtures.bytes("adcs/getpolicies-response-machine-template.xml"));
        for (int n = 0; n < whole.length; n++) {
            byte[] cut = Arrays.copyOf(whole, n);
            ClientException e = assertThrows(ClientException.class, () -> policy(cut), "length " + n);
            assertEquals(Failure.PROTOCOL, e.failure(), "length " + n + ": " + e.getMessage());
        }
    }

    @Test
    void anRstrcTruncatedAtEveryLengthIsAProtocolError() {
        byte[] whole = envelope(Fixtures.bytes("adcs/rstrc-issued-body.xml"));
        for (int n = 0; n < whole.length; n += 7) {
            byte[] cut = Arrays.copyOf(whole, n);
            ClientException e = assertThrows(
                    ClientException.class,
                    () -> RstrcReader.read(((SoapResponse.Payload) SoapResponse.read(cut, "t")).element(), "t"));
            assertEquals(Failure.PROTOCOL, e.failure());
        }
    }

    @Test
    void aDoctypeIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>&x;</s:Body></s:Envelope>";
        ClientException e =
                assertThrows(ClientException.class, () -> SoapResponse.read(xxe.getBytes(StandardCharsets.UTF_8), "t"));
        assertEquals(ClientMessage.MALFORMED_XML, e.messageId());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void soap11AndBadBase64AreRefused() {
        String soap11 = "<e:Envelope xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\"><e:Body/></e:Envelope>";
        assertEquals(
                ClientMessage.MALFORMED_XML,
                assertThrows(
                                ClientException.class,
                                () -> SoapResponse.read(soap11.getBytes(StandardCharsets.UTF_8), "t"))
                        .messageId());
        String xml = new String(
                        Fixtures.bytes("adcs/getpolicies-response-machine-template.xml"), StandardCharsets.UTF_8)
                .replaceFirst("<ns0:certificate>MII", "<ns0:certificate>=MII");
        ClientException e =
                assertThrows(ClientException.class, () -> policy(envelope(xml.getBytes(StandardCharsets.UTF_8))));
        assertEquals(ClientMessage.BAD_VALUE, e.messageId());
    }

    private static void policy(byte[] env) throws ClientException {
        SoapResponse r = SoapResponse.read(env, "t");
        if (!(r instanceof SoapResponse.Payload p)) {
            throw new AssertionError("a fault");
        }
        GetPoliciesResponseReader.read(p.element(), "t");
    }

    private static byte[] envelope(byte[] payload) {
        return ("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>"
                        + new String(payload, StandardCharsets.UTF_8) + "</s:Body></s:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
