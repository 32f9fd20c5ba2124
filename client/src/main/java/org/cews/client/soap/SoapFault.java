package org.cews.client.soap;

import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A SOAP 1.2 Fault (SOAP 1.2 Part 1 §5.4): Code/Value, the first Subcode/Value, the first
 * Reason/Text and the first element inside Detail (for CES, a CertificateEnrollmentWSDetail).
 */
public record SoapFault(String code, Optional<String> subcode, String reason, Optional<Element> detail) {

    static SoapFault from(Element fault) {
        String ns = Namespaces.SOAP12;
        Optional<Element> code = Xml.child(fault, ns, "Code");
        String codeValue = code.flatMap(c -> Xml.text(c, ns, "Value")).orElse("");
        Optional<String> sub = code.flatMap(c -> Xml.child(c, ns, "Subcode")).flatMap(s -> Xml.text(s, ns, "Value"));
        String reason = Xml.child(fault, ns, "Reason")
                .flatMap(r -> Xml.text(r, ns, "Text"))
                .orElse("");
        Optional<Element> detail = Xml.child(fault, ns, "Detail")
                .flatMap(d -> Xml.children(d).stream().findFirst());
        return new SoapFault(codeValue, sub, reason, detail);
    }

    /** The code with its subcode, as a person reads it: {@code s:Receiver/a:InternalServiceFault}. */
    public String codes() {
        return subcode.map(s -> code + "/" + s).orElse(code);
    }
}
