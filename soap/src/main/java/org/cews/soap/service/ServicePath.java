package org.cews.soap.service;

import java.util.Optional;
import org.cews.soap.auth.AuthMode;

/**
 * Where one CEP or CES endpoint listens and what it accepts: the service, the one authentication
 * mode, whether it serves key-based renewal only, and the path name, all in Microsoft's URL shapes
 * (docs/adr/0001):
 *
 * <ul>
 *   <li>CEP, under the context root "/": {@code /ADPolicyProvider_CEP_<mode>/service.svc/CEP} and
 *       {@code /KeyBasedRenewal_ADPolicyProvider_CEP_Certificate/service.svc/CEP}. Linux clients
 *       build these from a host name, so they are fixed.
 *   <li>CES, under "/ces": {@code /<CA name>_CES_<mode>/service.svc/CES}. CEP advertises them.
 * </ul>
 *
 * @param caName the CA a CES endpoint submits to; empty for CEP
 */
public record ServicePath(
        Service service, AuthMode mode, boolean keyBasedRenewal, String name, Optional<String> caName) {

    private static final String CEP_PREFIX = "ADPolicyProvider_CEP_";
    private static final String KBR_PREFIX = "KeyBasedRenewal_";

    public ServicePath {
        if (service == null || mode == null || name == null || name.isBlank() || caName == null) {
            throw new IllegalArgumentException("a service path needs a service, a mode and a name");
        }
        if (keyBasedRenewal && mode != AuthMode.CERTIFICATE) {
            throw new IllegalArgumentException("key-based renewal is a Certificate endpoint (actual: " + mode + ")");
        }
    }

    /** {@code ADPolicyProvider_CEP_<mode>}. */
    public static ServicePath cep(AuthMode mode) {
        return new ServicePath(Service.CEP, mode, false, CEP_PREFIX + mode.pathName(), Optional.empty());
    }

    /** {@code KeyBasedRenewal_ADPolicyProvider_CEP_Certificate}: only templates that allow key-based renewal. */
    public static ServicePath cepKeyBasedRenewal() {
        return new ServicePath(
                Service.CEP,
                AuthMode.CERTIFICATE,
                true,
                KBR_PREFIX + CEP_PREFIX + AuthMode.CERTIFICATE.pathName(),
                Optional.empty());
    }

    /** {@code <CA name>_CES_<mode>}. */
    public static ServicePath ces(String caName, AuthMode mode) {
        return new ServicePath(Service.CES, mode, false, caName + "_CES_" + mode.pathName(), Optional.of(caName));
    }

    /** The decoded path below the service's context root, e.g. {@code /ADPolicyProvider_CEP_Kerberos/service.svc/CEP}. */
    public String path() {
        return "/" + name + service.suffix();
    }

    /** How a caller authenticates here, in words, for the reachability page. */
    public String authenticationText() {
        String text =
                switch (mode) {
                    case KERBEROS -> "Kerberos (HTTP Negotiate)";
                    case USERNAME_PASSWORD -> "user name and password (WS-Security UsernameToken)";
                    case CERTIFICATE -> "client certificate (TLS)";
                };
        return keyBasedRenewal ? text + ", key-based renewal: only templates that allow it" : text;
    }
}
