package org.cews.client.xcep;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.cews.client.soap.Namespaces;
import org.cews.client.soap.SoapWriter;

/**
 * [MS-XCEP] 3.1.4.1.1.1 GetPolicies message, shaped as Windows sends it (4.1.1.1, 4.1.2.1):
 * {@code client/lastUpdate} (nil on a first fetch, else the time of the policy held),
 * {@code client/preferredLanguage} nil, and {@code requestFilter} nil (no filtering, 3.1.4.1.3.22).
 */
public final class GetPolicies {
    public static final String ACTION =
            "http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy/IPolicy/GetPolicies";

    private static final DateTimeFormatter XS_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private GetPolicies() {}

    /** The whole envelope; {@code lastUpdate} is when the policy the caller holds was fetched. */
    public static byte[] envelope(
            URI to, String messageId, Optional<Instant> lastUpdate, List<SoapWriter.Block> headers) {
        return SoapWriter.envelope(ACTION, messageId, to, headers, w -> {
            String ns = Namespaces.XCEP;
            w.setPrefix("xcep", ns);
            w.writeStartElement(ns, "GetPolicies");
            w.writeNamespace("xcep", ns);
            w.writeNamespace("xsi", Namespaces.XSI);
            w.writeStartElement(ns, "client");
            if (lastUpdate.isPresent()) {
                SoapWriter.writeText(
                        w,
                        ns,
                        "lastUpdate",
                        XS_DATE_TIME.format(lastUpdate.get().truncatedTo(ChronoUnit.SECONDS)));
            } else {
                nil(w, "lastUpdate");
            }
            nil(w, "preferredLanguage");
            w.writeEndElement();
            nil(w, "requestFilter");
            w.writeEndElement();
        });
    }

    private static void nil(javax.xml.stream.XMLStreamWriter w, String local)
            throws javax.xml.stream.XMLStreamException {
        w.writeEmptyElement(Namespaces.XCEP, local);
        w.writeAttribute("xsi", Namespaces.XSI, "nil", "true");
    }
}
