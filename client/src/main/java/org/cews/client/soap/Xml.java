package org.cews.client.soap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Namespace-aware reading of answers from the bytes (a BOM is fine), DTDs and external entities
 * refused; prefixes never matter. Helpers to walk the tree by namespace and local name, with
 * {@code xsi:nil} (only the literal {@code true} or {@code 1}) read as absent.
 */
public final class Xml {
    private Xml() {}

    public static Document parse(byte[] bytes) throws SAXException, IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(bytes));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a secure configuration", e);
        }
    }

    /** The child elements of {@code parent} with this namespace and local name, in order. */
    public static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    /** All child elements, in order. */
    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first such child, present and not nil. */
    public static Optional<Element> child(Element parent, String ns, String local) {
        return children(parent, ns, local).stream().filter(e -> !isNil(e)).findFirst();
    }

    /** The trimmed text of the first such child, present, not nil. */
    public static Optional<String> text(Element parent, String ns, String local) {
        return child(parent, ns, local).map(e -> e.getTextContent().trim());
    }

    public static boolean isNil(Element e) {
        String nil = e.getAttributeNS(Namespaces.XSI, "nil").trim();
        return "true".equals(nil) || "1".equals(nil);
    }

    /** An attribute by local name in no namespace or any namespace (old cepces qualified them). */
    public static Optional<String> attribute(Element e, String local) {
        if (e.hasAttribute(local)) {
            return Optional.of(e.getAttribute(local));
        }
        var attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            if (local.equals(a.getLocalName())) {
                return Optional.of(a.getNodeValue());
            }
        }
        return Optional.empty();
    }
}
