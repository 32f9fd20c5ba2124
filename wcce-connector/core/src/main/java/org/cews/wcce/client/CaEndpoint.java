package org.cews.wcce.client;

/**
 * Where a CA is and what it is called: the host, the port of its endpoint mapper (135 on
 * Windows), and the CA name sent as {@code pwszAuthority} ([MS-ICPR] 3.2.4.1.1: the CN of the
 * CA's certificate, as its pKIEnrollmentService cn holds it).
 */
public record CaEndpoint(String host, int endpointMapperPort, String caName) {

    public CaEndpoint {
        if (host == null || host.isBlank() || caName == null || caName.isBlank()) {
            throw new IllegalArgumentException("a CA endpoint needs a host and a CA name");
        }
        if (endpointMapperPort < 1 || endpointMapperPort > 0xFFFF) {
            throw new IllegalArgumentException("endpoint mapper port out of range: " + endpointMapperPort);
        }
    }
}
