package org.cews.soap.fault;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cews.soap.envelope.ReplyEnvelope;
import org.cews.soap.envelope.Soap12;
import org.cews.soap.envelope.StaxFactories;

/**
 * Writes a SOAP 1.2 fault envelope (SOAP 1.2 Part 1 §5.4, the shape AD CS sends):
 * s:Code/s:Value, an optional s:Subcode/s:Value, s:Reason/s:Text xml:lang="en-US", and s:Detail
 * when the fault has a detail writer. The reply's Action is the fault's own when it has one (AD CS's
 * CES faults carry the operation's fault action), otherwise the WS-Addressing fault action; its
 * RelatesTo the request's MessageID, when the request got far enough to have one. cepces reads the
 * fault only from an HTTP 500 (docs/REAL-CLIENTS.md §3): the caller sends it with that status.
 */
public final class FaultWriter {

    private FaultWriter() {}

    public static ReplyEnvelope envelope(SoapFault fault, Optional<String> relatesTo) {
        return ReplyEnvelope.of(fault.replyAction(), relatesTo, body(fault));
    }

    /** The s:Fault element alone, UTF-8. */
    public static byte[] body(SoapFault fault) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter w = StaxFactories.output().createXMLStreamWriter(out, "UTF-8");
            w.setPrefix("s", Soap12.ENVELOPE_NS);
            w.writeStartElement("s", "Fault", Soap12.ENVELOPE_NS);
            w.writeNamespace("s", Soap12.ENVELOPE_NS);
            w.writeStartElement("s", "Code", Soap12.ENVELOPE_NS);
            value(w, new QName(Soap12.ENVELOPE_NS, fault.code().localName(), "s"));
            if (fault.subcode().isPresent()) {
                w.writeStartElement("s", "Subcode", Soap12.ENVELOPE_NS);
                value(w, fault.subcode().get());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement("s", "Reason", Soap12.ENVELOPE_NS);
            w.writeStartElement("s", "Text", Soap12.ENVELOPE_NS);
            w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en-US");
            w.writeCharacters(fault.reason());
            w.writeEndElement();
            w.writeEndElement();
            if (fault.detail().isPresent()) {
                w.writeStartElement("s", "Detail", Soap12.ENVELOPE_NS);
                fault.detail().get().write(w);
                w.writeEndElement();
            }
            w.writeEndElement();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a fault to memory failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** s:Value with a QName: its prefix declared on the element when it is not s. */
    private static void value(XMLStreamWriter w, QName code) throws XMLStreamException {
        w.writeStartElement("s", "Value", Soap12.ENVELOPE_NS);
        String prefix = code.getNamespaceURI().equals(Soap12.ENVELOPE_NS)
                ? "s"
                : (code.getPrefix().isEmpty() ? "c" : code.getPrefix());
        if (!prefix.equals("s")) {
            w.writeNamespace(prefix, code.getNamespaceURI());
        }
        w.writeCharacters(prefix + ":" + code.getLocalPart());
        w.writeEndElement();
    }
}
