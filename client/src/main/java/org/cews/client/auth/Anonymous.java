package org.cews.client.auth;

import org.cews.client.xcep.ClientAuthentication;

/**
 * No credentials ([MS-WSTEP] 3.1.1.1.4): only a renewal, authenticated by the old key's signature
 * on the request, can succeed this way.
 */
public record Anonymous() implements ClientCredentials {
    @Override
    public ClientAuthentication mode() {
        return ClientAuthentication.ANONYMOUS;
    }

    @Override
    public String identity() {
        return "anonymous";
    }
}
