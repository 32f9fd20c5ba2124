package org.cews.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.cews.client.soap.Xml;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** The fixture files under src/test/resources/fixtures (see the README there). */
public final class Fixtures {
    private Fixtures() {}

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body payload file (no envelope) as its root element. */
    public static Element payload(String path) {
        try {
            return Xml.parse(bytes(path)).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
