package org.cews.wcce.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The deployment descriptor marks every secret confidential (Jakarta Connectors 2.1, {@code
 * config-property-confidential}: tools must not show the value), and nothing else.
 */
class RaXmlTest {

    @Test
    void thePasswordsAndOnlyThemAreConfidential() throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document ra = dbf.newDocumentBuilder()
                .parse(Path.of("src/main/rar/META-INF/ra.xml").toFile());
        NodeList properties = ra.getElementsByTagNameNS("*", "config-property");
        Map<String, String> confidential = new TreeMap<>();
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            NodeList flag = p.getElementsByTagNameNS("*", "config-property-confidential");
            if (flag.getLength() > 0) {
                confidential.put(
                        p.getElementsByTagNameNS("*", "config-property-name")
                                .item(0)
                                .getTextContent(),
                        flag.item(0).getTextContent().strip());
            }
        }
        assertEquals(Map.of("EnrollmentAgentKeyStorePassword", "true", "Password", "true"), confidential);
    }
}
