package org.cews.lab.rpc;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.security.auth.kerberos.KerberosKey;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.kerberos.KeyTab;
import org.cews.wcce.server.kerberos.ServiceKeys;

/**
 * The CA service's long-term keys as its Kerberos acceptor needs them ([MS-KILE] 3.4.5; RFC 4120
 * §3.2.3), read from a keytab: the lab KDC's own {@code ca.keytab}, or one exported from a Samba
 * AD DC ({@code samba-tool domain exportkeytab --principal=...}).
 */
public final class ServiceKeytab {

    private ServiceKeytab() {}

    /** Every key of {@code principal} in {@code keytab}; refused when the file holds none. */
    public static ServiceKeys read(Path keytab, String principal) {
        if (!Files.isReadable(keytab)) {
            throw new IllegalStateException("keytab " + keytab + " (expected: a readable file, actual: none)");
        }
        KerberosPrincipal owner = new KerberosPrincipal(principal);
        KerberosKey[] keys = KeyTab.getUnboundInstance(keytab.toFile()).getKeys(owner);
        if (keys.length == 0) {
            throw new IllegalStateException("keytab " + keytab + " (expected: keys of " + owner + ", actual: none)");
        }
        return ServiceKeys.from(keys);
    }
}
