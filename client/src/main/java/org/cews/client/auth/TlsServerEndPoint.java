package org.cews.client.auth;

import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import org.ietf.jgss.ChannelBinding;

/**
 * The {@code tls-server-end-point} channel binding (RFC 5929 §4): the hash of the server's TLS
 * certificate, with the hash of its signature algorithm (SHA-256 for MD5 and SHA-1), prefixed
 * with {@code tls-server-end-point:}. It goes into the Kerberos authenticator's checksum (RFC 4121
 * §4.1.1.2) as Windows and MIT krb5 encode it: with address type 0 (GSS_C_AF_UNSPEC). The JDK's
 * public {@link ChannelBinding} encodes type 255 instead; only its internal
 * {@code TlsChannelBindingImpl} gives 0 (docs/WILDFLY-AUTH.md §7), so that class is built by
 * reflection. It needs {@code --add-exports java.security.jgss/sun.security.jgss.krb5.internal=
 * ALL-UNNAMED} (enroll.jar's manifest carries it); without, no binding is sent.
 */
public final class TlsServerEndPoint {
    private static final String IMPL = "sun.security.jgss.krb5.internal.TlsChannelBindingImpl";

    private TlsServerEndPoint() {}

    /** The binding's application data for this server certificate. */
    public static byte[] applicationData(X509Certificate server) throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance(hashOf(server.getSigAlgName())).digest(server.getEncoded());
        byte[] prefix = "tls-server-end-point:".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + hash.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(hash, 0, out, prefix.length, hash.length);
        return out;
    }

    /** RFC 5929 §4.1: the certificate's signature hash, SHA-256 in place of MD5 and SHA-1. */
    static String hashOf(String sigAlgName) {
        String s = sigAlgName.toUpperCase(Locale.ROOT).replace("-", "");
        if (s.startsWith("SHA512")) {
            return "SHA-512";
        }
        if (s.startsWith("SHA384")) {
            return "SHA-384";
        }
        return "SHA-256";
    }

    /** The binding as Windows and MIT encode it, when the JDK lets us build it. */
    public static Optional<ChannelBinding> binding(byte[] applicationData) {
        try {
            Class<?> c = Class.forName(IMPL);
            Constructor<?> k = c.getDeclaredConstructor(byte[].class);
            return Optional.of((ChannelBinding) k.newInstance((Object) applicationData));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
