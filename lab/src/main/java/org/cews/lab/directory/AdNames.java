package org.cews.lab.directory;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Names as AD CS writes them into the directory and the file system: the cACertificateDN string
 * ({@code CN=Lab-Issuing-CA, DC=lab, DC=example}: RFC 4514 RDNs, most specific first, joined by a
 * comma and a space, as certutil shows it; [MS-ADSC] 2.223) and the AIA file name
 * ({@code <host>_<CA name>.crt}, the {@code CertEnroll\%1_%3%4.crt} of AD CS's default AIA
 * publication; a convention of AD CS, not of a specification).
 */
public final class AdNames {

    private AdNames() {}

    public static String caCertificateDn(X509Certificate certificate) {
        String rfc2253 = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        try {
            List<Rdn> rdns = new ArrayList<>(new LdapName(rfc2253).getRdns());
            Collections.reverse(rdns);
            return String.join(", ", rdns.stream().map(Rdn::toString).toList());
        } catch (InvalidNameException e) {
            return rfc2253; // the JDK printed it; it parses
        }
    }

    public static String aiaFileName(String caHost, String caName) {
        return caHost + "_" + caName + ".crt";
    }
}
