package org.cews.soap.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.cews.soap.envelope.Soap12;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class FaultWriterTest {

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static String xpath(Document doc, String expression) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        return xpath.evaluate(expression, doc);
    }

    @Test
    void senderFaultWithSubcodeReasonAndRelatesTo() throws Exception {
        SoapFault fault = SoapFault.sender("the request is wrong")
                .withSubcode(new QName(Soap12.WSSE_NS, "FailedAuthentication", "wsse"));
        byte[] xml = FaultWriter.envelope(fault, Optional.of("urn:uuid:9")).toByteArray();
        Document doc = parse(xml);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertEquals(
                "s:Sender",
                xpath(
                        doc,
                        "/*[local-name()='Envelope']/*[local-name()='Body']/*/*[local-name()='Code']/*[local-name()='Value']"));
        assertEquals("wsse:FailedAuthentication", xpath(doc, "//*[local-name()='Subcode']/*[local-name()='Value']"));
        assertEquals("the request is wrong", xpath(doc, "//*[local-name()='Reason']/*[local-name()='Text']"));
        assertEquals("en-US", xpath(doc, "//*[local-name()='Text']/@*[local-name()='lang']"));
        assertEquals("urn:uuid:9", xpath(doc, "//*[local-name()='RelatesTo']"));
        assertEquals(Soap12.FAULT_ACTION, xpath(doc, "//*[local-name()='Action']"));
        assertTrue(text.contains("xmlns:wsse=\"" + Soap12.WSSE_NS + "\""), text);
    }

    @Test
    void detailWriterFillsTheDetail() throws Exception {
        SoapFault fault = SoapFault.receiver("no").withDetail(w -> {
            w.writeStartElement("d", "Info", "urn:d");
            w.writeNamespace("d", "urn:d");
            w.writeCharacters("42");
            w.writeEndElement();
        });
        Document doc = parse(FaultWriter.envelope(fault, Optional.empty()).toByteArray());
        assertEquals("s:Receiver", xpath(doc, "//*[local-name()='Code']/*[local-name()='Value']"));
        assertEquals("42", xpath(doc, "//*[local-name()='Detail']/*[local-name()='Info']"));
    }

    @Test
    void aFaultsOwnActionReplacesTheGenericFaultAction() throws Exception {
        String action = "http://schemas.microsoft.com/windows/pki/2009/01/enrollment"
                + "/RequestSecurityTokenCertificateEnrollmentWSDetailFault";
        SoapFault fault = SoapFault.receiver("denied")
                .withAction(action)
                .withSubcode(new QName("urn:x", "Sub", "x"))
                .withDetail(w -> w.writeEmptyElement("d"));
        assertEquals(Optional.of(action), fault.action(), "withSubcode and withDetail keep the Action");
        Document doc =
                parse(FaultWriter.envelope(fault, Optional.of("urn:uuid:1")).toByteArray());
        assertEquals(action, xpath(doc, "//*[local-name()='Header']/*[local-name()='Action']"));
        assertEquals(Soap12.FAULT_ACTION, SoapFault.receiver("x").replyAction());
    }
}
