package org.cews.client.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;

/** Small helpers the commands share. */
final class Commands {
    private Commands() {}

    static URI uri(String text, String what) throws ClientException {
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || u.getHost() == null) {
                throw new URISyntaxException(text, "not an http(s) URL with a host");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new ClientException(ClientMessage.USAGE, what + " " + text + ": " + e.getMessage());
        }
    }
}
