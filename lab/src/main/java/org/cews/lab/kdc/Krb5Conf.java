package org.cews.lab.kdc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cews.lab.LabRealm;

/**
 * The krb5.conf (MIT format, as the JDK, curl and MIT tools read it) that points clients at the
 * lab's KDC: no DNS anywhere (docs/TESTBED.md: names are not resolvable here), TCP only, forwardable
 * tickets for delegation, AES with SHA-1 only (the keys the KDC holds). MIT 1.20 rejects
 * {@code kdc = tcp/host:port}, so the address is {@code host:port} with udp_preference_limit 1.
 */
public final class Krb5Conf {

    static final String ENCTYPES = "aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96";

    private Krb5Conf() {}

    public static String text(String kdcHost, int kdcPort) {
        String realm = LabRealm.REALM;
        return """
                # krb5.conf for the cews lab KDC; written by the lab at each start.
                [libdefaults]
                    default_realm = %1$s
                    dns_lookup_kdc = false
                    dns_lookup_realm = false
                    rdns = false
                    dns_canonicalize_hostname = false
                    udp_preference_limit = 1
                    forwardable = true
                    default_tkt_enctypes = %4$s
                    default_tgs_enctypes = %4$s
                    permitted_enctypes = %4$s

                [realms]
                    %1$s = {
                        kdc = %2$s:%3$d
                    }

                [domain_realm]
                    .%5$s = %1$s
                    %5$s = %1$s
                    localhost = %1$s
                """
                .formatted(realm, kdcHost, kdcPort, ENCTYPES, LabRealm.DNS_DOMAIN);
    }

    public static Path write(Path file, String kdcHost, int kdcPort) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text(kdcHost, kdcPort), StandardCharsets.UTF_8);
        return file;
    }
}
