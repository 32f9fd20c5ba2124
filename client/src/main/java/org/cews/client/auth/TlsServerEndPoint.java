package org.cews.client.auth;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.cews.epa.BindingException;
import org.cews.epa.gssapi.TlsChannelBindings;
import org.ietf.jgss.ChannelBinding;

/**
 * The {@code tls-server-end-point} channel binding (RFC 5929 §4) for the server's TLS certificate,
 * computed as the server checks it (the http-epa module: {@link
 * org.cews.epa.rfc5929.TlsServerEndPoint} chooses the hash by the certificate's signature algorithm,
 * SHA-256 in place of MD5 and SHA-1, the PSS hash for RSASSA-PSS). It goes into the Kerberos
 * authenticator's checksum (RFC 4121 §4.1.1.2) as Windows and MIT krb5 encode it: with address type
 * 0 (GSS_C_AF_UNSPEC), which only the JDK's internal {@code TlsChannelBindingImpl} gives
 * (docs/WILDFLY-AUTH.md §7). It needs {@code --add-exports java.security.jgss/sun.security.jgss.krb5.internal=
 * ALL-UNNAMED} (enroll.jar's manifest carries it); without, no binding is sent.
 */
public final class TlsServerEndPoint {

    private TlsServerEndPoint() {}

    /** The binding's application data for this server certificate. */
    public static byte[] applicationData(X509Certificate server) throws GeneralSecurityException {
        try {
            return org.cews.epa.rfc5929.TlsServerEndPoint.applicationData(server);
        } catch (BindingException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }

    /** The binding as Windows and MIT encode it, when the JDK lets us build it. */
    public static Optional<ChannelBinding> binding(byte[] applicationData) {
        try {
            return Optional.of(TlsChannelBindings.of(applicationData));
        } catch (BindingException e) {
            return Optional.empty();
        }
    }
}
