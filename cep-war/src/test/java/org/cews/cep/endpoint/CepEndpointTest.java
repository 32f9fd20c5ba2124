package org.cews.cep.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CepEndpointTest {

    @Test
    void pathsAreMicrosoftsUrlShapes() {
        assertEquals("/ADPolicyProvider_CEP_Kerberos/service.svc/CEP", CepEndpoint.KERBEROS.path());
        assertEquals("/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP", CepEndpoint.USERNAME_PASSWORD.path());
        assertEquals("/ADPolicyProvider_CEP_Certificate/service.svc/CEP", CepEndpoint.CERTIFICATE.path());
        assertEquals(
                "/KeyBasedRenewal_ADPolicyProvider_CEP_Certificate/service.svc/CEP",
                CepEndpoint.KEY_BASED_RENEWAL.path());
    }

    @Test
    void lookupIgnoresCaseAsTheSpecExampleWritesServiceSvcCep() {
        assertEquals(
                Optional.of(CepEndpoint.KERBEROS),
                CepEndpoint.forPath("/adpolicyprovider_cep_kerberos/service.svc/cep"));
    }

    @Test
    void otherPathsAreNotEndpoints() {
        assertTrue(CepEndpoint.forPath("/ADPolicyProvider_CEP_Kerberos/service.svc")
                .isEmpty());
        assertTrue(CepEndpoint.forPath("/ADPolicyProvider_CEP_Kerberos/service.svc/CEP/x")
                .isEmpty());
        assertTrue(CepEndpoint.forPath("/").isEmpty());
    }

    @Test
    void pageNamesServiceAndAuthentication() {
        String page = ReachabilityPage.page(CepEndpoint.USERNAME_PASSWORD);
        assertTrue(page.startsWith("ADPolicyProvider_CEP_UsernamePassword\n"), page);
        assertTrue(page.contains("MS-XCEP"), page);
        assertTrue(page.contains("UsernameToken"), page);
    }
}
