package org.cews.wcce.msrpce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every golden PDU cut at every length fails with a checked exception, never a RuntimeException. */
class PduTruncationTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bind-ntlm-samr.hex",
                "bind-ack-ntlm.hex",
                "auth3-ntlm.hex",
                "alter-context-spnego.hex",
                "alter-context-resp.hex",
                "bind-nak.hex",
                "fault-proto-error.hex",
                "request-samr-connect2-ntlm.hex",
                "response-sealed-ntlm.hex",
                "request-object-uuid.hex"
            })
    void truncatedAtEveryLength(String golden) throws Exception {
        byte[] wire = Golden.load(golden);
        for (int length = 0; length < wire.length; length++) {
            byte[] cut = Arrays.copyOf(wire, length);
            // As received: fewer bytes than frag_length says.
            assertThrows(PduException.class, () -> PduDecoder.decode(cut), golden + " cut at " + length);
            // From a stream: the frame reader waits for frag_length bytes and meets the end of the stream.
            StreamChannel channel = new StreamChannel(new ByteArrayInputStream(cut), new ByteArrayOutputStream());
            assertThrows(EOFException.class, () -> FrameReader.read(channel, 5840), golden + " cut at " + length);
        }
        assertEquals(
                wire.length,
                FrameReader.read(new StreamChannel(new ByteArrayInputStream(wire), new ByteArrayOutputStream()), 5840)
                        .length);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bind-ntlm-samr.hex",
                "bind-ack-ntlm.hex",
                "auth3-ntlm.hex",
                "alter-context-spnego.hex",
                "alter-context-resp.hex",
                "bind-nak.hex",
                "fault-proto-error.hex",
                "request-samr-connect2-ntlm.hex",
                "response-sealed-ntlm.hex"
            })
    void shortenedFragLengthDecodesOrFailsChecked(String golden) {
        // A consistent but shorter PDU (frag_length rewritten) may still be valid, e.g. a request with
        // less stub; the decoder must then either return a PDU or throw PduException, nothing else.
        byte[] wire = Golden.load(golden);
        for (int length = CommonHeader.LENGTH; length < wire.length; length++) {
            byte[] cut = Arrays.copyOf(wire, length);
            WireWriter.putU16(cut, 8, length);
            try {
                PduDecoder.decode(cut);
            } catch (PduException expected) {
                // fine: checked
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bind-ntlm-samr.hex", "bind-ack-ntlm.hex", "fault-proto-error.hex", "auth3-ntlm.hex"})
    void structuredBodiesCutShortFailWithTheFieldName(String golden) {
        // Rewriting frag_length and dropping auth_length leaves a body that ends inside a fixed field.
        byte[] wire = Golden.load(golden);
        int bodyEnd = CommonHeader.LENGTH + 6;
        byte[] cut = Arrays.copyOf(wire, bodyEnd);
        WireWriter.putU16(cut, 8, bodyEnd);
        WireWriter.putU16(cut, 10, 0);
        PduException e = assertThrows(PduException.class, () -> PduDecoder.decode(cut));
        assertEquals(true, e.getMessage().contains("(expected: "), e.getMessage());
    }
}
