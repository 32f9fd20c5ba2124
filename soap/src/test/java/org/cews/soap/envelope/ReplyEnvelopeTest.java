package org.cews.soap.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyEnvelopeTest {

    private static final String ACTION =
            "http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy/IPolicy/GetPoliciesResponse";

    @Test
    void relatesToIsSplicedBetweenActionAndBody() {
        byte[] body = "<x:R xmlns:x=\"urn:x\"/>".getBytes(StandardCharsets.UTF_8);
        ReplyEnvelope envelope = ReplyEnvelope.of(ACTION, Optional.of("urn:uuid:1"), body);
        String xml = new String(envelope.toByteArray(), StandardCharsets.UTF_8);
        assertEquals(
                "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                        + " xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header>"
                        + "<a:Action s:mustUnderstand=\"1\">" + ACTION + "</a:Action>"
                        + "<a:RelatesTo>urn:uuid:1</a:RelatesTo></s:Header>"
                        + "<s:Body xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                        + "<x:R xmlns:x=\"urn:x\"/></s:Body></s:Envelope>",
                xml);
        assertEquals(envelope.toByteArray().length, envelope.length());
    }

    @Test
    void aMessageIdIsEscapedAndNoneMeansNoRelatesTo() throws Exception {
        ReplyEnvelope escaped = ReplyEnvelope.of(ACTION, Optional.of("a<b&c"), new byte[0]);
        String xml = new String(escaped.toByteArray(), StandardCharsets.UTF_8);
        assertEquals(escaped.toByteArray().length, escaped.length());
        try (SoapRequest parsed = new EnvelopeReader(4096).read(escaped.toByteArray())) {
            assertEquals(Optional.of(ACTION), parsed.action());
        }
        assertFalse(xml.contains("a<b"), xml);
        String none = new String(
                ReplyEnvelope.of(ACTION, Optional.empty(), new byte[0]).toByteArray(), StandardCharsets.UTF_8);
        assertFalse(none.contains("RelatesTo"), none);
    }
}
