package org.cews.client.wstep;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.soap.Namespaces;
import org.cews.client.soap.Xml;
import org.w3c.dom.Element;

/**
 * Reads a RequestSecurityTokenResponseCollection ([MS-WSTEP] 3.1.4.1.2.6, 3.1.4.1.3.4): the first
 * RequestSecurityTokenResponse decides. A certificate in RequestedSecurityToken means issued; a
 * SecurityTokenReference/Reference URI there means pending (3.1.4.2.1.1). Base64 may carry line
 * breaks (AD CS wraps some values).
 */
public final class RstrcReader {
    private RstrcReader() {}

    public static EnrollmentOutcome read(Element payload, String source) throws ClientException {
        if (!"RequestSecurityTokenResponseCollection".equals(payload.getLocalName())
                || !Namespaces.WST.equals(payload.getNamespaceURI())) {
            throw new ClientException(
                    ClientMessage.MISSING_ELEMENT, source, "wst:RequestSecurityTokenResponseCollection");
        }
        Element rstr = Xml.child(payload, Namespaces.WST, "RequestSecurityTokenResponse")
                .orElseThrow(() ->
                        new ClientException(ClientMessage.MISSING_ELEMENT, source, "wst:RequestSecurityTokenResponse"));
        String requestId = Xml.text(rstr, Namespaces.WSTEP, "RequestID").orElse("");
        String disposition =
                Xml.text(rstr, Namespaces.WSTEP, "DispositionMessage").orElse("");
        Optional<String> pkcs7Text = Xml.child(rstr, Namespaces.WSSE, "BinarySecurityToken")
                .map(Element::getTextContent)
                .filter(t -> !t.isBlank());
        Optional<byte[]> pkcs7 = pkcs7Text.isPresent()
                ? Optional.of(base64(pkcs7Text.get(), "the #PKCS7 BinarySecurityToken", source))
                : Optional.empty();
        Element requested = Xml.child(rstr, Namespaces.WST, "RequestedSecurityToken")
                .orElseThrow(
                        () -> new ClientException(ClientMessage.MISSING_ELEMENT, source, "wst:RequestedSecurityToken"));
        Optional<String> cert = Xml.child(requested, Namespaces.WSSE, "BinarySecurityToken")
                .map(Element::getTextContent)
                .filter(t -> !t.isBlank());
        if (cert.isPresent()) {
            return new EnrollmentOutcome.Issued(
                    requestId, disposition, base64(cert.get(), "RequestedSecurityToken", source), pkcs7);
        }
        List<Element> refs = Xml.child(requested, Namespaces.WSSE, "SecurityTokenReference")
                .map(s -> Xml.children(s, Namespaces.WSSE, "Reference"))
                .orElse(List.of());
        Optional<String> uri = refs.stream().findFirst().flatMap(r -> Xml.attribute(r, "URI"));
        if (uri.isEmpty()) {
            throw new ClientException(
                    ClientMessage.MISSING_ELEMENT,
                    source,
                    "a certificate or a SecurityTokenReference/Reference URI in wst:RequestedSecurityToken");
        }
        if (requestId.isEmpty()) {
            throw new ClientException(ClientMessage.MISSING_ELEMENT, source, "wstep:RequestID of a pending request");
        }
        try {
            return new EnrollmentOutcome.Pending(
                    requestId, disposition, new URI(uri.get().trim()));
        } catch (URISyntaxException e) {
            throw new ClientException(ClientMessage.BAD_VALUE, "Reference/@URI", source, e.getMessage());
        }
    }

    static byte[] base64(String text, String what, String source) throws ClientException {
        try {
            return Base64.getMimeDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new ClientException(ClientMessage.BAD_VALUE, what, source, e.getMessage());
        }
    }
}
