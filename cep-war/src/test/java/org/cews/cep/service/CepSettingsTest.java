package org.cews.cep.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.cews.policy.model.ClientAuthentication;
import org.cews.policy.model.EnrollmentServer;
import org.cews.policy.model.EnrollmentService;
import org.junit.jupiter.api.Test;

class CepSettingsTest {

    /** The value deploy/env/cews.properties gives the lab. */
    static final String LAB_URIS =
            "ca=Lab-Issuing-CA, priority=1, authentication=Kerberos, uri=https://localhost:8443/ces/Lab-Issuing-CA_CES_Kerberos/service.svc/CES;"
                    + " ca=Lab-Issuing-CA, priority=2, authentication=UsernamePassword, uri=https://localhost:8443/ces/Lab-Issuing-CA_CES_UsernamePassword/service.svc/CES;"
                    + " ca=Lab-Issuing-CA, priority=3, authentication=Certificate, renewalOnly=false, uri=https://localhost:8443/ces/Lab-Issuing-CA_CES_Certificate/service.svc/CES";

    static EnrollmentService ca(String name) {
        return new EnrollmentService(
                "CN=" + name,
                name,
                name,
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(new EnrollmentServer(
                        1, ClientAuthentication.KERBEROS, false, URI.create("https://ad-says/CES"))),
                Optional.empty(),
                0,
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void labSettings() {
        CepSettings settings = CepSettings.from(Map.of(
                "cews.cep.policyId", "{6F0C2F1E-4B7A-4E53-9C1D-2A8B7E0D5C31}",
                "cews.cep.friendlyName", "cews enrollment policy (lab)",
                "cews.cep.nextUpdateHours", "8",
                "cews.cep.cesUris", LAB_URIS)::get);
        assertEquals("{6F0C2F1E-4B7A-4E53-9C1D-2A8B7E0D5C31}", settings.view().policyId());
        assertEquals(
                Optional.of("cews enrollment policy (lab)"), settings.view().friendlyName());
        assertEquals(OptionalInt.of(8), settings.nextUpdateHours());
        List<EnrollmentServer> uris = settings.view().cesUris().urisFor(ca("lab-issuing-ca"));
        assertEquals(
                List.of(2, 4, 8),
                uris.stream().map(u -> u.authentication().code()).toList());
        assertEquals(
                List.of(1, 2, 3), uris.stream().map(EnrollmentServer::priority).toList());
        assertEquals(
                List.of(new EnrollmentServer(
                        1, ClientAuthentication.KERBEROS, false, URI.create("https://ad-says/CES"))),
                settings.view().cesUris().urisFor(ca("Other-CA")),
                "a CA not configured keeps what AD lists");
    }

    @Test
    void defaultsAndErrors() {
        CepSettings minimal = CepSettings.from(Map.of("cews.cep.policyId", "{P}")::get);
        assertEquals(OptionalInt.of(8), minimal.nextUpdateHours());
        assertEquals(Optional.empty(), minimal.view().friendlyName());
        IllegalArgumentException none =
                assertThrows(IllegalArgumentException.class, () -> CepSettings.from(Map.<String, String>of()::get));
        assertTrue(
                none.getMessage().startsWith("CEP0302 the setting cews.cep.policyId is required"), none.getMessage());
        IllegalArgumentException hours = assertThrows(
                IllegalArgumentException.class,
                () -> CepSettings.from(Map.of("cews.cep.policyId", "{P}", "cews.cep.nextUpdateHours", "0")::get));
        assertTrue(hours.getMessage().contains("cews.cep.nextUpdateHours"), hours.getMessage());
        IllegalArgumentException auth = assertThrows(
                IllegalArgumentException.class,
                () -> CepSettings.from(Map.of(
                        "cews.cep.policyId",
                        "{P}",
                        "cews.cep.cesUris",
                        "ca=X, priority=1, authentication=Basic, uri=https://x/")::get));
        assertTrue(auth.getMessage().contains("authentication Kerberos"), auth.getMessage());
        IllegalArgumentException uri = assertThrows(
                IllegalArgumentException.class,
                () -> CepSettings.from(Map.of(
                        "cews.cep.policyId",
                        "{P}",
                        "cews.cep.cesUris",
                        "ca=X, priority=1, authentication=2, uri=/relative")::get));
        assertTrue(uri.getMessage().contains("absolute URL"), uri.getMessage());
    }
}
