package org.cews.soap.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.cews.soap.auth.AuthMode;
import org.cews.soap.http.ReachabilityPage;
import org.junit.jupiter.api.Test;

class ServicePathsTest {

    @Test
    void cepPathsAreMicrosoftsUrlShapes() {
        assertEquals(
                List.of(
                        "/ADPolicyProvider_CEP_Kerberos/service.svc/CEP",
                        "/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP",
                        "/ADPolicyProvider_CEP_Certificate/service.svc/CEP",
                        "/KeyBasedRenewal_ADPolicyProvider_CEP_Certificate/service.svc/CEP"),
                ServicePaths.cep().all().stream().map(ServicePath::path).toList());
        ServicePath kbr = ServicePaths.cep().all().get(3);
        assertTrue(kbr.keyBasedRenewal());
        assertEquals(AuthMode.CERTIFICATE, kbr.mode());
    }

    @Test
    void lookupIgnoresCaseAsTheSpecExampleWritesServiceSvcCep() {
        assertEquals(
                Optional.of(ServicePath.cep(AuthMode.KERBEROS)),
                ServicePaths.cep().forPath("/adpolicyprovider_cep_kerberos/service.svc/cep"));
    }

    @Test
    void otherPathsAreNotEndpoints() {
        ServicePaths cep = ServicePaths.cep();
        assertTrue(cep.forPath("/ADPolicyProvider_CEP_Kerberos/service.svc").isEmpty());
        assertTrue(
                cep.forPath("/ADPolicyProvider_CEP_Kerberos/service.svc/CEP/x").isEmpty());
        assertTrue(
                cep.forPath("/ADPolicyProvider_CEP_Anonymous/service.svc/CEP").isEmpty());
        assertTrue(cep.forPath("/").isEmpty());
    }

    @Test
    void cesPathCarriesCaNameAndMode() {
        assertEquals(
                "/Contoso-CA_CES_UsernamePassword/service.svc/CES",
                ServicePath.ces("Contoso-CA", AuthMode.USERNAME_PASSWORD).path());
    }

    @Test
    void cesLookupMatchesTheConfiguredCaOnly() {
        assertEquals(
                Optional.of(ServicePath.ces("Contoso-CA", AuthMode.CERTIFICATE)),
                ServicePaths.ces("Contoso-CA").forPath("/Contoso-CA_CES_Certificate/service.svc/CES"));
        assertTrue(ServicePaths.ces("Contoso-CA")
                .forPath("/Other-CA_CES_Certificate/service.svc/CES")
                .isEmpty());
    }

    @Test
    void caNamesWithSpacesMatchTheirDecodedPath() {
        assertEquals(
                Optional.of(ServicePath.ces("Contoso Issuing CA", AuthMode.KERBEROS)),
                ServicePaths.ces("Contoso Issuing CA").forPath("/contoso issuing ca_ces_kerberos/service.svc/ces"));
    }

    @Test
    void pageNamesServiceAndAuthentication() {
        String cep = ReachabilityPage.text(ServicePath.cep(AuthMode.USERNAME_PASSWORD));
        assertTrue(cep.startsWith("ADPolicyProvider_CEP_UsernamePassword\n"), cep);
        assertTrue(cep.contains("MS-XCEP"), cep);
        assertTrue(cep.contains("UsernameToken"), cep);
        String ces = ReachabilityPage.text(ServicePath.ces("Lab-Issuing-CA", AuthMode.KERBEROS));
        assertTrue(ces.startsWith("Lab-Issuing-CA_CES_Kerberos\n"), ces);
        assertTrue(ces.contains("MS-WSTEP"), ces);
        assertTrue(ces.contains("Certification authority: Lab-Issuing-CA\n"), ces);
        String kbr = ReachabilityPage.text(ServicePath.cepKeyBasedRenewal());
        assertTrue(kbr.contains("key-based renewal"), kbr);
    }
}
