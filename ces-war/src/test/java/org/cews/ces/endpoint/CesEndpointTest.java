package org.cews.ces.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.cews.ces.endpoint.CesEndpoint.Authentication;
import org.junit.jupiter.api.Test;

class CesEndpointTest {

    @Test
    void pathCarriesCaNameAndMode() {
        assertEquals(
                "/Contoso-CA_CES_UsernamePassword/service.svc/CES",
                new CesEndpoint("Contoso-CA", Authentication.USERNAME_PASSWORD).path());
    }

    @Test
    void lookupMatchesTheConfiguredCaOnly() {
        assertEquals(
                Optional.of(new CesEndpoint("Contoso-CA", Authentication.CERTIFICATE)),
                CesEndpoint.forPath("/Contoso-CA_CES_Certificate/service.svc/CES", "Contoso-CA"));
        assertTrue(CesEndpoint.forPath("/Other-CA_CES_Certificate/service.svc/CES", "Contoso-CA")
                .isEmpty());
    }

    @Test
    void caNamesWithSpacesMatchTheirDecodedPath() {
        assertEquals(
                Optional.of(new CesEndpoint("Contoso Issuing CA", Authentication.KERBEROS)),
                CesEndpoint.forPath("/contoso issuing ca_ces_kerberos/service.svc/ces", "Contoso Issuing CA"));
    }

    @Test
    void unknownModeIsNotAnEndpoint() {
        assertTrue(CesEndpoint.forPath("/Contoso-CA_CES_Anonymous/service.svc/CES", "Contoso-CA")
                .isEmpty());
    }
}
