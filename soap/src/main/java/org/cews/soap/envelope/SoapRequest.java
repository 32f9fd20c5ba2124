package org.cews.soap.envelope;

import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.cews.soap.auth.UsernameToken;

/**
 * One SOAP 1.2 request as the front door read it: the header fields this layer understands, and
 * the Body's first child, handed to the operation as a reader positioned on its start tag (empty
 * for an empty Body). The operation reads the body; whoever dispatched closes the request.
 *
 * @param action wsa:Action, trimmed (the [MS-XCEP] 4.1 examples wrap it in white space)
 * @param messageId wsa:MessageID, trimmed: the reply's wsa:RelatesTo
 * @param to wsa:To as sent, trimmed; not checked (docs/REAL-CLIENTS.md §1: be lenient)
 * @param usernameToken the wsse:Security header's UsernameToken
 */
public record SoapRequest(
        Optional<String> action,
        Optional<String> messageId,
        Optional<String> to,
        Optional<UsernameToken> usernameToken,
        Optional<XMLStreamReader> body)
        implements AutoCloseable {

    /** The qualified name of the Body's first child, if there is one. */
    public Optional<QName> operation() {
        return body.map(XMLStreamReader::getName);
    }

    @Override
    public void close() {
        if (body.isPresent()) {
            try {
                body.get().close();
            } catch (XMLStreamException e) {
                // Closing a reader over a byte array releases buffers only; nothing to report.
            }
        }
        usernameToken.ifPresent(UsernameToken::wipe);
    }
}
