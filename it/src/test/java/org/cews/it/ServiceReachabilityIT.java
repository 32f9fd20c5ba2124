package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every service URL answers a plain GET over HTTPS with a page naming the service. */
class ServiceReachabilityIT {

    private static HttpClient client;
    private static String caName;

    @BeforeAll
    static void setUp() throws IOException, GeneralSecurityException {
        client = HttpClient.newBuilder().sslContext(TestServer.tls(null)).build();
        caName = TestServer.deployProperties().getProperty("cews.ca.name");
    }

    static Stream<String> cepEndpoints() {
        return Stream.of(
                "ADPolicyProvider_CEP_Kerberos",
                "ADPolicyProvider_CEP_UsernamePassword",
                "ADPolicyProvider_CEP_Certificate",
                "KeyBasedRenewal_ADPolicyProvider_CEP_Certificate");
    }

    static Stream<String> cesModes() {
        return Stream.of("Kerberos", "UsernamePassword", "Certificate");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(TestServer.https(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @MethodSource("cepEndpoints")
    void cepEndpointNamesItself(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/" + name + "/service.svc/CEP");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().startsWith(name + "\n"), response.body());
        assertTrue(response.body().contains("MS-XCEP"), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                response.headers().toString());
    }

    @ParameterizedTest
    @MethodSource("cesModes")
    void cesEndpointNamesItselfAndItsCa(String mode) throws IOException, InterruptedException {
        String name = caName + "_CES_" + mode;
        HttpResponse<String> response =
                get("/ces/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "/service.svc/CES");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().startsWith(name + "\n"), response.body());
        // The CA name on the page comes from the resource adapter's configuration, through the
        // connection factory that the CES WAR looked up in JNDI.
        assertTrue(response.body().contains("Certification authority: " + caName), response.body());
    }

    @Test
    void cesOfAnotherCaIsNotThere() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/ces/Some-Other-CA_CES_Kerberos/service.svc/CES");
        assertEquals(404, response.statusCode());
    }

    @Test
    void pathsMatchWithoutRegardToCase() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/adpolicyprovider_cep_kerberos/service.svc/cep");
        assertEquals(200, response.statusCode());
    }

    @Test
    void aPostIsNotAnsweredWithThePage() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(TestServer.https("/ADPolicyProvider_CEP_Kerberos/service.svc/CEP"))
                        .header("Content-Type", "application/soap+xml")
                        .POST(HttpRequest.BodyPublishers.ofString("<x/>"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertNotEquals(200, response.statusCode());
        assertTrue(!response.body().contains("MS-XCEP GetPolicies"), response.body());
    }
}
