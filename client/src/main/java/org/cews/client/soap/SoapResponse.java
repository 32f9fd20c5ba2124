package org.cews.client.soap;

import java.io.IOException;
import java.util.List;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** An answer read from its bytes: the Body's first element, or a Fault. */
public sealed interface SoapResponse {

    /** The Body's first child element, and the envelope's bytes as received (for a cache). */
    record Payload(Element element, byte[] envelope) implements SoapResponse {
        public Payload {
            envelope = envelope.clone();
        }

        @Override
        public byte[] envelope() {
            return envelope.clone();
        }
    }

    /** A Body whose first child is a SOAP 1.2 Fault. */
    record Fault(SoapFault fault) implements SoapResponse {}

    /** Reads an envelope; {@code source} names the endpoint in messages. */
    static SoapResponse read(byte[] bytes, String source) throws ClientException {
        Document doc;
        try {
            doc = Xml.parse(bytes);
        } catch (SAXException | IOException e) {
            throw new ClientException(e, ClientMessage.MALFORMED_XML, source, e.getMessage());
        }
        Element env = doc.getDocumentElement();
        if (!"Envelope".equals(env.getLocalName()) || !Namespaces.SOAP12.equals(env.getNamespaceURI())) {
            throw new ClientException(
                    ClientMessage.MALFORMED_XML,
                    source,
                    "the root is {" + env.getNamespaceURI() + "}" + env.getLocalName());
        }
        List<Element> body = Xml.children(env, Namespaces.SOAP12, "Body");
        if (body.isEmpty()) {
            throw new ClientException(ClientMessage.MISSING_ELEMENT, source, "s:Body");
        }
        List<Element> content = Xml.children(body.get(0));
        if (content.isEmpty()) {
            throw new ClientException(ClientMessage.MISSING_ELEMENT, source, "content in s:Body");
        }
        Element first = content.get(0);
        if ("Fault".equals(first.getLocalName()) && Namespaces.SOAP12.equals(first.getNamespaceURI())) {
            return new Fault(SoapFault.from(first));
        }
        return new Payload(first, bytes);
    }
}
