package org.cews.policy.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.cews.policy.fixtures.LabForest;
import org.cews.policy.model.ClientAuthentication;
import org.cews.policy.model.EnrollmentServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CES URIs a CA is advertised with: AD's msPKI-Enrollment-Servers, replaced or added to by configuration. */
class CesUrisTest {

    static LabPolicy lab;
    static Caller alice;

    static final EnrollmentServer OURS_KERBEROS = new EnrollmentServer(
            1,
            ClientAuthentication.KERBEROS,
            false,
            URI.create("https://cews.lab.example/ces/Lab-Issuing-CA_CES_Kerberos/service.svc/CES"));

    @BeforeAll
    static void start() throws Exception {
        lab = LabPolicy.start();
        alice = lab.caller("alice");
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static String uris(CesUriConfig config) {
        PolicyViews views = new PolicyViews(ViewConfig.of("id").withCesUris(config));
        PolicyView view = views.view(lab.snapshot, alice, RequestFilter.NONE);
        return view.cas().get(0).uris().stream()
                .map(s ->
                        s.priority() + " " + s.authentication() + (s.renewalOnly() ? " renewal-only " : " ") + s.uri())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void fromTheDirectoryInPriorityOrder() {
        assertEquals(
                """
                1 Kerberos https://ces.lab.example/Lab-Issuing-CA_CES_Kerberos/service.svc/CES
                1 UsernamePassword https://ces.lab.example/Lab-Issuing-CA_CES_UsernamePassword/service.svc/CES
                1 Certificate https://ces.lab.example/Lab-Issuing-CA_CES_Certificate/service.svc/CES
                2 Certificate renewal-only https://ces.lab.example/KeyBasedRenewal_Lab-Issuing-CA_CES_Certificate/service.svc/CES""",
                uris(CesUriConfig.FROM_DIRECTORY));
    }

    @Test
    void configurationReplacesTheDirectoryValues() {
        CesUriConfig config =
                CesUriConfig.FROM_DIRECTORY.with("lab-issuing-ca", CesUriConfig.Mode.REPLACE, List.of(OURS_KERBEROS));
        assertEquals(
                "1 Kerberos https://cews.lab.example/ces/Lab-Issuing-CA_CES_Kerberos/service.svc/CES", uris(config));
    }

    @Test
    void configurationAddsToTheDirectoryValuesAndWinsOnTheSameEndpoint() {
        EnrollmentServer kbrFirst = new EnrollmentServer(
                0,
                ClientAuthentication.CERTIFICATE,
                true,
                URI.create("https://ces.lab.example/KeyBasedRenewal_Lab-Issuing-CA_CES_Certificate/service.svc/CES"));
        CesUriConfig config = CesUriConfig.FROM_DIRECTORY.with(
                LabForest.CA_NAME, CesUriConfig.Mode.ADD, List.of(OURS_KERBEROS, kbrFirst));
        assertEquals(
                """
                0 Certificate renewal-only https://ces.lab.example/KeyBasedRenewal_Lab-Issuing-CA_CES_Certificate/service.svc/CES
                1 Kerberos https://ces.lab.example/Lab-Issuing-CA_CES_Kerberos/service.svc/CES
                1 UsernamePassword https://ces.lab.example/Lab-Issuing-CA_CES_UsernamePassword/service.svc/CES
                1 Certificate https://ces.lab.example/Lab-Issuing-CA_CES_Certificate/service.svc/CES
                1 Kerberos https://cews.lab.example/ces/Lab-Issuing-CA_CES_Kerberos/service.svc/CES""",
                uris(config));
    }

    @Test
    void configurationForAnotherCaChangesNothing() {
        CesUriConfig config =
                CesUriConfig.FROM_DIRECTORY.with("Other-CA", CesUriConfig.Mode.REPLACE, List.of(OURS_KERBEROS));
        assertEquals(uris(CesUriConfig.FROM_DIRECTORY), uris(config));
    }

    @Test
    void aCaWithoutUrisIsLeftOutAndSoAreItsTemplates() {
        CesUriConfig none = CesUriConfig.FROM_DIRECTORY.with(LabForest.CA_NAME, CesUriConfig.Mode.REPLACE, List.of());
        PolicyView view =
                new PolicyViews(ViewConfig.of("id").withCesUris(none)).view(lab.snapshot, alice, RequestFilter.NONE);
        assertEquals(List.of(), view.cas());
        assertEquals(List.of(), view.policies());
    }
}
