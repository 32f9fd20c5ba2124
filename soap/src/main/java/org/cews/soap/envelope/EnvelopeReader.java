package org.cews.soap.envelope;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.cews.soap.SoapMessages;
import org.cews.soap.auth.UsernameToken;

/**
 * Reads a SOAP 1.2 envelope ([SOAP12] Part 1 §5) from the request bytes with the hardened Woodstox
 * factory: the bytes, not a decoded string, so the parser detects the encoding and a byte order
 * mark itself (docs/REAL-CLIENTS.md §1: a BOM is a common cause of failures in other servers). Names are
 * matched by namespace and local name, whatever the prefixes (cepces writes {@code ns0..nN}).
 *
 * <p>Header: wsa:Action, wsa:MessageID, wsa:To and wsse:Security/wsse:UsernameToken are read,
 * whatever their mustUnderstand; every other header block is skipped, mustUnderstand or not
 * (lenient on read: the clients we serve send nothing else that matters). Body: the reader is left
 * on the first child's start tag.
 */
public final class EnvelopeReader {

    private final int maxBytes;

    /** @param maxBytes the largest request read; larger ones are refused before parsing */
    public EnvelopeReader(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** Reads at most {@link #maxBytes} bytes, then parses them. */
    public SoapRequest read(InputStream in) throws IOException, SoapFormatException {
        return read(in, -1);
    }

    /**
     * Reads a body of {@code declaredLength} bytes (the request's Content-Length; negative when
     * unknown, as for a chunked body), at most {@link #maxBytes}, then parses it. A known length is
     * read into one array of that size: reading up to the cap instead costs two 8 KiB buffers and
     * a copy for every request, about a sixth of what a cached GetPolicies allocates. The container
     * ends the stream at the declared length, so a shorter body is simply cut short (and fails to
     * parse).
     */
    public SoapRequest read(InputStream in, long declaredLength) throws IOException, SoapFormatException {
        if (declaredLength > maxBytes) {
            throw new SoapFormatException(SoapMessages.SOAP0101.format(maxBytes));
        }
        byte[] bytes = in.readNBytes(declaredLength >= 0 ? (int) declaredLength : maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new SoapFormatException(SoapMessages.SOAP0101.format(maxBytes));
        }
        return read(bytes);
    }

    public SoapRequest read(byte[] bytes) throws SoapFormatException {
        if (bytes.length > maxBytes) {
            throw new SoapFormatException(SoapMessages.SOAP0101.format(maxBytes));
        }
        XMLStreamReader reader = null;
        try {
            reader = StaxFactories.input().createXMLStreamReader(new ByteArrayInputStream(bytes));
            SoapRequest request = envelope(reader);
            if (request.body().isEmpty()) {
                reader.close();
            }
            return request;
        } catch (XMLStreamException e) {
            close(reader);
            throw new SoapFormatException(SoapMessages.SOAP0102.format(oneLine(e)));
        } catch (SoapFormatException | RuntimeException e) {
            close(reader);
            throw e;
        }
    }

    private static SoapRequest envelope(XMLStreamReader r) throws XMLStreamException, SoapFormatException {
        nextElement(r);
        if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new SoapFormatException(SoapMessages.SOAP0105.format("an Envelope element", "no element"));
        }
        QName root = r.getName();
        if (!root.equals(Soap12.ENVELOPE)) {
            String message =
                    SoapMessages.SOAP0104.format(Soap12.ENVELOPE_NS, root.getNamespaceURI(), root.getLocalPart());
            throw "Envelope".equals(root.getLocalPart())
                    ? SoapFormatException.versionMismatch(message)
                    : new SoapFormatException(message);
        }
        nextElement(r);
        Header header = new Header();
        if (r.isStartElement() && r.getName().equals(Soap12.HEADER)) {
            header = header(r);
            nextElement(r);
        }
        if (!r.isStartElement() || !r.getName().equals(Soap12.BODY)) {
            throw new SoapFormatException(SoapMessages.SOAP0105.format("a Body element after the Header", found(r)));
        }
        nextElement(r);
        Optional<XMLStreamReader> body = r.isStartElement() ? Optional.of(r) : Optional.empty();
        return new SoapRequest(header.action, header.messageId, header.to, header.token, body);
    }

    private static final class Header {
        private Optional<String> action = Optional.empty();
        private Optional<String> messageId = Optional.empty();
        private Optional<String> to = Optional.empty();
        private Optional<UsernameToken> token = Optional.empty();
    }

    /** Reads the header blocks; leaves the reader on the Header's end tag. */
    private static Header header(XMLStreamReader r) throws XMLStreamException, SoapFormatException {
        Header header = new Header();
        for (nextElement(r); r.isStartElement(); nextElement(r)) {
            QName name = r.getName();
            if (name.equals(Soap12.ACTION)) {
                header.action = Optional.of(text(r).trim());
            } else if (name.equals(Soap12.MESSAGE_ID)) {
                header.messageId = Optional.of(text(r).trim());
            } else if (name.equals(Soap12.TO)) {
                header.to = Optional.of(text(r).trim());
            } else if (name.equals(Soap12.SECURITY)) {
                Optional<UsernameToken> token = security(r);
                header.token = token.isPresent() ? token : header.token;
            } else {
                skip(r);
            }
        }
        return header;
    }

    /** wsse:Security: the first UsernameToken; wsu:Timestamp and everything else is skipped. */
    private static Optional<UsernameToken> security(XMLStreamReader r) throws XMLStreamException, SoapFormatException {
        Optional<UsernameToken> token = Optional.empty();
        for (nextElement(r); r.isStartElement(); nextElement(r)) {
            if (r.getName().equals(Soap12.USERNAME_TOKEN) && token.isEmpty()) {
                token = Optional.of(usernameToken(r));
            } else {
                skip(r);
            }
        }
        return token;
    }

    /**
     * UsernameToken Profile 1.1 §3.1. cepces qualifies the Password's Type attribute ({@code
     * wsse:Type}), so it is taken by local name in any namespace (docs/REAL-CLIENTS.md §1).
     */
    private static UsernameToken usernameToken(XMLStreamReader r) throws XMLStreamException, SoapFormatException {
        String username = null;
        char[] password = new char[0];
        Optional<String> type = Optional.empty();
        Optional<String> nonce = Optional.empty();
        Optional<String> created = Optional.empty();
        for (nextElement(r); r.isStartElement(); nextElement(r)) {
            QName name = r.getName();
            if (name.equals(Soap12.USERNAME)) {
                username = text(r).trim();
            } else if (name.equals(Soap12.PASSWORD)) {
                type = attribute(r, "Type");
                password = text(r).toCharArray();
            } else if (name.equals(Soap12.NONCE)) {
                nonce = Optional.of(text(r).trim());
            } else if (name.equals(Soap12.CREATED)) {
                created = Optional.of(text(r).trim());
            } else {
                skip(r);
            }
        }
        if (username == null || username.isEmpty()) {
            throw new SoapFormatException(SoapMessages.SOAP0109.format());
        }
        UsernameToken token = new UsernameToken(username, password, type, nonce, created);
        Arrays.fill(password, '\0');
        return token;
    }

    private static Optional<String> attribute(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (localName.equals(r.getAttributeLocalName(i))) {
                return Optional.of(r.getAttributeValue(i).trim());
            }
        }
        return Optional.empty();
    }

    /**
     * The text content of a simple element (comments skipped, as in the [MS-XCEP] 4.1 examples);
     * leaves the reader on its end tag. Refuses child elements and entity references.
     */
    public static String text(XMLStreamReader r) throws XMLStreamException, SoapFormatException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(
                        r.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new SoapFormatException(
                        SoapMessages.SOAP0111.format(r.getLocalName()));
                case XMLStreamConstants.START_ELEMENT -> throw new SoapFormatException(
                        SoapMessages.SOAP0105.format("text in " + r.getLocalName() + "'s parent", found(r)));
                default -> {
                    // comments and processing instructions carry no value
                }
            }
        }
    }

    /**
     * Moves to the next start or end tag, skipping white space, comments and processing
     * instructions; refuses text between elements, DTDs and entity references.
     */
    public static void nextElement(XMLStreamReader r) throws XMLStreamException, SoapFormatException {
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT,
                        XMLStreamConstants.END_ELEMENT,
                        XMLStreamConstants.END_DOCUMENT -> {
                    return;
                }
                case XMLStreamConstants.DTD -> throw new SoapFormatException(SoapMessages.SOAP0103.format());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new SoapFormatException(
                        SoapMessages.SOAP0111.format(r.getLocalName()));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!r.isWhiteSpace()) {
                        throw new SoapFormatException(
                                SoapMessages.SOAP0105.format("an element", "text \"" + shorten(r.getText()) + "\""));
                    }
                }
                default -> {
                    // white space, comments, processing instructions
                }
            }
        }
    }

    /** Skips the element the reader is on, with all its content; leaves it on the end tag. */
    public static void skip(XMLStreamReader r) throws XMLStreamException, SoapFormatException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new SoapFormatException(SoapMessages.SOAP0111.format(r.getLocalName()));
            }
        }
    }

    /** What the reader is on, for messages: {@code element {ns}local} or the event. */
    public static String found(XMLStreamReader r) {
        return switch (r.getEventType()) {
            case XMLStreamConstants.START_ELEMENT -> "element " + r.getName();
            case XMLStreamConstants.END_ELEMENT -> "the end of " + r.getLocalName();
            case XMLStreamConstants.END_DOCUMENT -> "the end of the document";
            default -> "event " + r.getEventType();
        };
    }

    private static String shorten(String text) {
        String t = text.strip();
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }

    private static String oneLine(XMLStreamException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing held but buffers
            }
        }
    }
}
