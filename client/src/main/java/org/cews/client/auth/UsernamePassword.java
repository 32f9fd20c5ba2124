package org.cews.client.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.cews.client.soap.MessageIds;
import org.cews.client.soap.Namespaces;
import org.cews.client.soap.SoapWriter;
import org.cews.client.xcep.ClientAuthentication;

/**
 * WS-Security UsernameToken with PasswordText in the SOAP header ([MS-WSTEP] 3.1.1.1.3; OASIS WSS
 * UsernameToken Profile 1.0 §3.1), with a Timestamp as Windows sends it ([MS-XCEP] 4.1.1.1 shows
 * the shape). Sent on every request, GetPolicies included; never over plain HTTP by this client's
 * choice (the URL is the caller's).
 */
public final class UsernamePassword implements ClientCredentials {
    private static final String PASSWORD_TEXT =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String username;
    private final char[] password;
    private final Clock clock;
    private final MessageIds ids;

    public UsernamePassword(String username, char[] password, Clock clock, MessageIds ids) {
        this.username = username;
        this.password = password.clone();
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public ClientAuthentication mode() {
        return ClientAuthentication.USERNAME_PASSWORD;
    }

    @Override
    public String identity() {
        return username;
    }

    @Override
    public List<SoapWriter.Block> soapHeaders() {
        return List.of(w -> {
            String wsse = Namespaces.WSSE;
            String wsu = Namespaces.WSU;
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            w.setPrefix("wsse", wsse);
            w.setPrefix("wsu", wsu);
            w.writeStartElement(wsse, "Security");
            w.writeNamespace("wsse", wsse);
            w.writeNamespace("wsu", wsu);
            w.writeAttribute("s", Namespaces.SOAP12, "mustUnderstand", "1");
            w.writeStartElement(wsu, "Timestamp");
            w.writeAttribute("wsu", wsu, "Id", "_0");
            SoapWriter.writeText(w, wsu, "Created", UTC.format(now));
            SoapWriter.writeText(w, wsu, "Expires", UTC.format(now.plusSeconds(300)));
            w.writeEndElement();
            w.writeStartElement(wsse, "UsernameToken");
            w.writeAttribute("wsu", wsu, "Id", "uuid-" + ids.get() + "-1");
            SoapWriter.writeText(w, wsse, "Username", username);
            w.writeStartElement(wsse, "Password");
            w.writeAttribute("Type", PASSWORD_TEXT);
            w.writeCharacters(password, 0, password.length);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /** Overwrites the password once the command is done. */
    public void wipe() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "UsernamePassword[" + username + ", password redacted]";
    }
}
