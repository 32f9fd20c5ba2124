package org.cews.policy.model;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * One msPKI-Enrollment-Servers value (attributeId 1.2.840.113556.1.4.2076; docs/CA-RPC-AD.md §5.4): a
 * CES endpoint of the CA as {@code "<priority>\n<authFlags>\n<renewalOnly 0|1>\n<URL>"}. Some
 * scripts append a fifth {@code \n0}; fields past the fourth are ignored. XCEP cAURI.
 */
public record EnrollmentServer(int priority, ClientAuthentication authentication, boolean renewalOnly, URI uri) {

    public static EnrollmentServer parse(String dn, String attribute, String value) throws AttributeDecodeException {
        String expected = "\"<priority>\\n<authFlags>\\n<renewalOnly 0|1>\\n<absolute URL>\"";
        String shown = value.replace("\r", "\\r").replace("\n", "\\n");
        String[] fields = value.split("\r?\n", -1);
        if (fields.length < 4) {
            throw new AttributeDecodeException(dn, attribute, shown, expected);
        }
        try {
            int priority = Integer.parseInt(fields[0].trim());
            int auth = Integer.parseInt(fields[1].trim());
            String renewal = fields[2].trim();
            if (!renewal.equals("0") && !renewal.equals("1")) {
                throw new AttributeDecodeException(dn, attribute, shown, expected);
            }
            URI uri = new URI(fields[3].trim());
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new AttributeDecodeException(dn, attribute, shown, expected);
            }
            return new EnrollmentServer(priority, new ClientAuthentication(auth), renewal.equals("1"), uri);
        } catch (NumberFormatException | URISyntaxException e) {
            throw new AttributeDecodeException(dn, attribute, shown, expected);
        }
    }

    /** The attribute value as PSPKI writes it (four fields). */
    public String encode() {
        return priority + "\n" + authentication.code() + "\n" + (renewalOnly ? 1 : 0) + "\n" + uri;
    }
}
