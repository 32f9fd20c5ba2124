package org.cews.client.auth;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import org.cews.client.ClientException;
import org.cews.client.soap.SoapWriter;
import org.cews.client.xcep.ClientAuthentication;

/**
 * How the client proves who it is, in one of the four modes a CAURI names ([MS-XCEP]
 * 3.1.4.1.3.5; [MS-WSTEP] 3.1.1.1): each mode contributes SOAP header blocks, TLS key managers or
 * HTTP Negotiate tokens.
 */
public interface ClientCredentials {

    ClientAuthentication mode();

    /** Who the caller is, for the policy cache key and messages (never a secret). */
    String identity();

    /** Header blocks for every SOAP request (the UsernameToken). */
    default List<SoapWriter.Block> soapHeaders() {
        return List.of();
    }

    /** Key managers for TLS client authentication. */
    default Optional<KeyManager[]> keyManagers() throws ClientException {
        return Optional.empty();
    }

    /** Whether an HTTP 401 with {@code WWW-Authenticate: Negotiate} can be answered. */
    default boolean negotiates() {
        return false;
    }

    /**
     * The token for {@code Authorization: Negotiate} toward {@code target} (RFC 4559 §4.2), bound
     * to the TLS channel when {@code server} (the server's TLS certificate) is given.
     */
    default byte[] negotiateToken(URI target, Optional<X509Certificate> server) throws ClientException {
        throw new UnsupportedOperationException(mode() + " does not negotiate");
    }
}
