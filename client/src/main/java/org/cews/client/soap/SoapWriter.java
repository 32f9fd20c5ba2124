package org.cews.client.soap;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a SOAP 1.2 envelope with the WS-Addressing headers every CEP/CES request carries: Action
 * and To with mustUnderstand, and a MessageID ([MS-XCEP] 4.1.1.1, [MS-WSTEP] 4.1.1.1; AD CS
 * refuses a request without To, see docs/CLIENT.md "Wire notes"). No XML declaration, no
 * whitespace between elements, text written as given (base64 on one line is the caller's job).
 */
public final class SoapWriter {

    /** Writes one element (a header block or the body's payload). */
    @FunctionalInterface
    public interface Block {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private SoapWriter() {}

    public static byte[] envelope(String action, String messageId, URI to, List<Block> headers, Block body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            w.setPrefix("s", Namespaces.SOAP12);
            w.setPrefix("a", Namespaces.WSA);
            w.writeStartElement("s", "Envelope", Namespaces.SOAP12);
            w.writeNamespace("s", Namespaces.SOAP12);
            w.writeNamespace("a", Namespaces.WSA);
            w.writeStartElement(Namespaces.SOAP12, "Header");
            w.writeStartElement(Namespaces.WSA, "Action");
            w.writeAttribute("s", Namespaces.SOAP12, "mustUnderstand", "1");
            w.writeCharacters(action);
            w.writeEndElement();
            w.writeStartElement(Namespaces.WSA, "MessageID");
            w.writeCharacters(messageId);
            w.writeEndElement();
            w.writeStartElement(Namespaces.WSA, "To");
            w.writeAttribute("s", Namespaces.SOAP12, "mustUnderstand", "1");
            w.writeCharacters(to.toString());
            w.writeEndElement();
            for (Block h : headers) {
                h.write(w);
            }
            w.writeEndElement();
            w.writeStartElement(Namespaces.SOAP12, "Body");
            body.write(w);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a SOAP envelope to memory failed", e);
        }
        return out.toByteArray();
    }

    /** Writes {@code <prefix:local xsi:nil="true"/>}, declaring xsi on the element. */
    public static void writeNil(XMLStreamWriter w, String ns, String local) throws XMLStreamException {
        w.writeEmptyElement(ns, local);
        w.writeNamespace("xsi", Namespaces.XSI);
        w.writeAttribute("xsi", Namespaces.XSI, "nil", "true");
    }

    /** Writes {@code <local>text</local>} in the namespace of the enclosing default. */
    public static void writeText(XMLStreamWriter w, String ns, String local, String text) throws XMLStreamException {
        w.writeStartElement(ns, local);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
