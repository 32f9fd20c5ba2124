package org.cews.soap.fault;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the content of a fault's s:Detail element (SOAP 1.2 Part 1 §5.4.5). The CES writes
 * [MS-WSTEP] 3.1.4.2.4.1 CertificateEnrollmentWSDetail through it; the writer declares whatever
 * namespaces its elements use.
 */
@FunctionalInterface
public interface DetailWriter {

    void write(XMLStreamWriter writer) throws XMLStreamException;
}
