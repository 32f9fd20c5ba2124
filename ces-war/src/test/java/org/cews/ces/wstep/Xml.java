package org.cews.ces.wstep;

import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** Test helpers: a StAX reader at the SOAP Body's first child, DOM parsing, writing to a string. */
final class Xml {

    private Xml() {}

    /** A reader positioned as the front door hands it over: at the Body's first child (or the root). */
    static XMLStreamReader atBodyChild(String xml) throws Exception {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
        r.nextTag();
        if (!"Envelope".equals(r.getLocalName())) {
            return r;
        }
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && "Body".equals(r.getLocalName())) {
                r.nextTag();
                return r;
            }
        }
        throw new IllegalArgumentException("no Body");
    }

    interface Body {
        void write(XMLStreamWriter w) throws Exception;
    }

    static String write(Body body) throws Exception {
        StringWriter out = new StringWriter();
        XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        body.write(w);
        w.flush();
        return out.toString();
    }

    static Document dom(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** The first element named {@code local} in {@code ns}, anywhere below {@code root}. */
    static Element find(Node root, String ns, String local) {
        Document d = root instanceof Document doc ? doc : root.getOwnerDocument();
        var list = root instanceof Document doc
                ? doc.getElementsByTagNameNS(ns, local)
                : ((Element) root).getElementsByTagNameNS(ns, local);
        if (list.getLength() == 0) {
            throw new AssertionError(
                    "no {" + ns + "}" + local + " in " + d.getDocumentElement().getLocalName());
        }
        return (Element) list.item(0);
    }

    /** The child elements of {@code e} as {ns}local, in order. */
    static java.util.List<String> children(Element e) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                names.add("{" + n.getNamespaceURI() + "}" + n.getLocalName());
            }
        }
        return names;
    }
}
