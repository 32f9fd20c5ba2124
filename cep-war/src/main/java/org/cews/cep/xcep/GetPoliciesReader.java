package org.cews.cep.xcep;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.cews.cep.CepMessages;
import org.cews.policy.model.Oid;
import org.cews.soap.envelope.EnvelopeReader;
import org.cews.soap.envelope.Soap12;
import org.cews.soap.envelope.SoapFormatException;

/**
 * Reads the GetPolicies element ([MS-XCEP] 3.1.4.1.2.1) from the Body, lenient on what clients
 * send and strict on what the specification requires:
 *
 * <ul>
 *   <li>client is required; absent, nil or empty is refused (3.1.4.1.2.1: "the server MUST respond
 *       with a SOAP fault");
 *   <li>lastUpdate: xs:dateTime in GMT (3.1.4.1.3.9). Windows sends {@code 0001-01-01T00:00:00}
 *       without a zone (4.1.1.1), read as UTC; the 4.1.2.1 example is not a date at all
 *       ({@code 20090-03-15-T09:38:46}), so an unparsable value counts as nil, "older than" the
 *       policy, and the full policy is sent;
 *   <li>requestFilter nil or empty, policyOIDs nil, clientVersion and serverVersion nil: no
 *       filter (3.1.4.1.3.22). 0 is kept and means "no filter" too, in ldap-policy's RequestFilter
 *       (cepces up to 0.3.16 sends nil, 0.3.17 sends 0: docs/REAL-CLIENTS.md);
 *   <li>element order inside client and requestFilter is not enforced, unknown elements (##any)
 *       are skipped.
 * </ul>
 */
public final class GetPoliciesReader {

    private static final QName NIL = new QName(Soap12.XSI_NS, "nil");

    private GetPoliciesReader() {}

    /** {@code r} is on the GetPolicies start tag; reads up to its end tag. */
    public static GetPoliciesRequest read(XMLStreamReader r) throws XcepRequestException {
        try {
            if (!r.isStartElement() || !r.getName().equals(new QName(Xcep.NS, "GetPolicies"))) {
                throw new XcepRequestException(CepMessages.CEP0101.format(EnvelopeReader.found(r), Xcep.NS));
            }
            Client client = null;
            Filter filter = new Filter();
            for (EnvelopeReader.nextElement(r); r.isStartElement(); EnvelopeReader.nextElement(r)) {
                switch (ownName(r)) {
                    case "client" -> client = client(r);
                    case "requestFilter" -> filter = filter(r);
                    default -> EnvelopeReader.skip(r);
                }
            }
            if (client == null) {
                throw new XcepRequestException(CepMessages.CEP0102.format("none"));
            }
            return new GetPoliciesRequest(
                    client.lastUpdate, client.language, filter.oids, filter.clientVersion, filter.serverVersion);
        } catch (XMLStreamException | SoapFormatException e) {
            throw new XcepRequestException(CepMessages.CEP0106.format(e.getMessage()));
        }
    }

    private static final class Client {
        private Optional<Instant> lastUpdate = Optional.empty();
        private Optional<String> language = Optional.empty();
    }

    private static final class Filter {
        private Optional<Set<Oid>> oids = Optional.empty();
        private OptionalInt clientVersion = OptionalInt.empty();
        private OptionalInt serverVersion = OptionalInt.empty();
    }

    private static Client client(XMLStreamReader r)
            throws XMLStreamException, SoapFormatException, XcepRequestException {
        if (nil(r)) {
            throw new XcepRequestException(CepMessages.CEP0102.format("client xsi:nil=\"true\""));
        }
        Client client = new Client();
        boolean any = false;
        for (EnvelopeReader.nextElement(r); r.isStartElement(); EnvelopeReader.nextElement(r)) {
            any = true;
            switch (ownName(r)) {
                case "lastUpdate" -> client.lastUpdate = nillableText(r).flatMap(GetPoliciesReader::instant);
                case "preferredLanguage" -> client.language = nillableText(r).filter(s -> !s.isEmpty());
                default -> EnvelopeReader.skip(r);
            }
        }
        if (!any) {
            throw new XcepRequestException(CepMessages.CEP0102.format("an empty client element"));
        }
        return client;
    }

    private static Filter filter(XMLStreamReader r)
            throws XMLStreamException, SoapFormatException, XcepRequestException {
        Filter filter = new Filter();
        if (nil(r)) {
            EnvelopeReader.skip(r);
            return filter;
        }
        for (EnvelopeReader.nextElement(r); r.isStartElement(); EnvelopeReader.nextElement(r)) {
            switch (ownName(r)) {
                case "policyOIDs" -> filter.oids = oids(r);
                case "clientVersion" -> filter.clientVersion = number(r, "clientVersion");
                case "serverVersion" -> filter.serverVersion = number(r, "serverVersion");
                default -> EnvelopeReader.skip(r);
            }
        }
        return filter;
    }

    private static Optional<Set<Oid>> oids(XMLStreamReader r)
            throws XMLStreamException, SoapFormatException, XcepRequestException {
        if (nil(r)) {
            EnvelopeReader.skip(r);
            return Optional.empty();
        }
        Set<Oid> oids = new LinkedHashSet<>();
        for (EnvelopeReader.nextElement(r); r.isStartElement(); EnvelopeReader.nextElement(r)) {
            if (ownName(r).equals("oid")) {
                String text = EnvelopeReader.text(r).trim();
                oids.add(Oid.tryParse(text)
                        .orElseThrow(() -> new XcepRequestException(CepMessages.CEP0104.format(text))));
            } else {
                EnvelopeReader.skip(r);
            }
        }
        // An empty policyOIDs cannot be valid (oid minOccurs 1, 3.1.4.1.3.14): read as no filter.
        return oids.isEmpty() ? Optional.empty() : Optional.of(oids);
    }

    private static OptionalInt number(XMLStreamReader r, String name)
            throws XMLStreamException, SoapFormatException, XcepRequestException {
        Optional<String> text = nillableText(r);
        if (text.isEmpty() || text.get().isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(text.get()));
        } catch (NumberFormatException e) {
            throw new XcepRequestException(CepMessages.CEP0103.format(name, text.get()));
        }
    }

    /** The element's trimmed text, or empty if it is xsi:nil="true" (leaves the reader on its end tag). */
    private static Optional<String> nillableText(XMLStreamReader r) throws XMLStreamException, SoapFormatException {
        if (nil(r)) {
            EnvelopeReader.skip(r);
            return Optional.empty();
        }
        return Optional.of(EnvelopeReader.text(r).trim());
    }

    /** xsi:nil="true" (or "1", xs:boolean's other true). */
    private static boolean nil(XMLStreamReader r) {
        String value = r.getAttributeValue(NIL.getNamespaceURI(), NIL.getLocalPart());
        return value != null && (value.trim().equals("true") || value.trim().equals("1"));
    }

    /** The local name of an element of the XCEP namespace; other namespaces are ##any. */
    private static String ownName(XMLStreamReader r) {
        return Xcep.NS.equals(r.getNamespaceURI()) ? r.getLocalName() : "";
    }

    /** xs:dateTime, with a zone or without (then UTC); empty when it is not a date. */
    static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            // no zone: try a local date-time below
        }
        try {
            return Optional.of(
                    LocalDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
