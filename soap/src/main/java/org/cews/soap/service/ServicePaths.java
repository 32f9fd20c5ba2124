package org.cews.soap.service;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cews.soap.auth.AuthMode;

/**
 * The endpoints one web application serves, found by path without regard to case, as IIS does
 * ([MS-XCEP] 4.1 itself writes {@code service.svc/cep}).
 *
 * @param all the endpoints
 * @param byPath the same, by their path in {@link Locale#ROOT} lower case: found once for every
 *     request, so built once
 */
public record ServicePaths(List<ServicePath> all, Map<String, ServicePath> byPath) {

    public ServicePaths {
        all = List.copyOf(all);
        Map<String, ServicePath> index = new HashMap<>();
        for (ServicePath p : all) {
            index.putIfAbsent(p.path().toLowerCase(Locale.ROOT), p);
        }
        byPath = Map.copyOf(index);
    }

    public ServicePaths(List<ServicePath> all) {
        this(all, Map.of());
    }

    /** The four CEP endpoints. */
    public static ServicePaths cep() {
        return new ServicePaths(List.of(
                ServicePath.cep(AuthMode.KERBEROS),
                ServicePath.cep(AuthMode.USERNAME_PASSWORD),
                ServicePath.cep(AuthMode.CERTIFICATE),
                ServicePath.cepKeyBasedRenewal()));
    }

    /** The three CES endpoints of one CA. */
    public static ServicePaths ces(String caName) {
        return new ServicePaths(List.of(
                ServicePath.ces(caName, AuthMode.KERBEROS),
                ServicePath.ces(caName, AuthMode.USERNAME_PASSWORD),
                ServicePath.ces(caName, AuthMode.CERTIFICATE)));
    }

    /** The endpoint at {@code path} (decoded, below the context root). */
    public Optional<ServicePath> forPath(String path) {
        return Optional.ofNullable(byPath.get(path.toLowerCase(Locale.ROOT)));
    }

    /** The paths, comma-separated, for messages. */
    public String describe() {
        return all.stream().map(ServicePath::path).collect(Collectors.joining(", "));
    }
}
