package org.cews.soap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which mode a path demands, whatever its case and CA name. */
class EndpointPathTest {

    @ParameterizedTest
    @CsvSource({
        "/ADPolicyProvider_CEP_Kerberos/service.svc/CEP, KERBEROS, false",
        "/adpolicyprovider_cep_kerberos/service.svc/cep, KERBEROS, false",
        "/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP, USERNAME_PASSWORD, false",
        "/ADPolicyProvider_CEP_Certificate/service.svc/CEP, CERTIFICATE, false",
        "/KeyBasedRenewal_ADPolicyProvider_CEP_Certificate/service.svc/CEP, CERTIFICATE, true",
        "/Lab-Issuing-CA_CES_Kerberos/service.svc/CES, KERBEROS, false",
        "/Some_Other_CA_CES_certificate/service.svc/CES, CERTIFICATE, false",
        "/KEYBASEDRENEWAL_Lab-Issuing-CA_CES_Certificate/service.svc/CES, CERTIFICATE, true",
        "/ADPolicyProvider_CEP_Kerberos, KERBEROS, false",
        "/ADPolicyProvider_CEP_Kerberos/anything/below, KERBEROS, false"
    })
    void endpointsByTheirFirstSegment(String path, AuthMode mode, boolean keyBasedRenewal) {
        assertEquals(Optional.of(new EndpointPath(mode, keyBasedRenewal)), EndpointPath.of(path));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/",
                "relative/ADPolicyProvider_CEP_Kerberos",
                "/ADPolicyProvider_CEP_Anonymous/service.svc/CEP",
                "/_CEP_Kerberos/service.svc/CEP",
                "/something/ADPolicyProvider_CEP_Kerberos/service.svc/CEP",
                "/favicon.ico"
            })
    void otherPathsAreNoEndpoint(String path) {
        assertEquals(Optional.empty(), EndpointPath.of(path));
    }
}
