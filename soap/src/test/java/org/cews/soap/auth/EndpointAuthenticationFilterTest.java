package org.cews.soap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the filter lets through, challenges or refuses, per mode, without a container. */
class EndpointAuthenticationFilterTest {

    /** What the container's mechanism (Elytron's SPNEGO) does when the filter asks it to authenticate. */
    enum Mechanism {
        /** No token: it answers 401 with the bare challenge (constraint-driven authentication). */
        CHALLENGES,
        /** A token that needs another leg: 401 with a continuation token. */
        CONTINUES,
        /** A good token: a Kerberos identity. */
        ACCEPTS,
        /** A token it refuses (NTLM inside Negotiate): 403. */
        REFUSES,
        /** It ran already for this request (proactive authentication): UT010032. */
        RAN_ALREADY
    }

    /** What one request presents. */
    record Presented(
            String method,
            String path,
            Principal principal,
            boolean kerberosRole,
            X509Certificate[] chain,
            Mechanism mechanism) {
        Presented(String method, String path, Principal principal, boolean kerberosRole, X509Certificate[] chain) {
            this(method, path, principal, kerberosRole, chain, Mechanism.RAN_ALREADY);
        }
    }

    /** What the filter did. */
    static final class Outcome {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean passed;
        int authenticateCalls;
        Principal principal;
        boolean kerberosRole;
    }

    static Outcome run(Presented p) throws Exception {
        Outcome outcome = new Outcome();
        outcome.principal = p.principal();
        outcome.kerberosRole = p.kerberosRole();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                getLoader(), new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> p.method();
                    case "getServletPath" -> p.path();
                    case "getUserPrincipal" -> outcome.principal;
                    case "isUserInRole" -> outcome.kerberosRole
                            && EndpointAuthenticationFilter.KERBEROS_ROLE.equals(args[0]);
                    case "getAttribute" -> EndpointAuthenticationFilter.CERTIFICATES.equals(args[0]) ? p.chain() : null;
                    case "authenticate" -> authenticate(p.mechanism(), outcome);
                    default -> null;
                });
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                outcome.body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}
        };
        HttpServletResponse response = (HttpServletResponse)
                Proxy.newProxyInstance(getLoader(), new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> outcome.status = (Integer) args[0];
                        case "setHeader" -> outcome.headers.put((String) args[0], (String) args[1]);
                        case "getStatus" -> {
                            return outcome.status;
                        }
                        case "containsHeader" -> {
                            return outcome.headers.containsKey((String) args[0]);
                        }
                        case "getOutputStream" -> {
                            return out;
                        }
                        default -> {}
                    }
                    return null;
                });
        new EndpointAuthenticationFilter().doFilter(request, response, (req, res) -> outcome.passed = true);
        return outcome;
    }

    /** {@code HttpServletRequest.authenticate} as Undertow and Elytron answer it. */
    private static boolean authenticate(Mechanism mechanism, Outcome outcome) throws ServletException {
        outcome.authenticateCalls++;
        switch (mechanism) {
            case CHALLENGES -> {
                outcome.status = 401;
                outcome.headers.put("WWW-Authenticate", "Negotiate");
                return false;
            }
            case CONTINUES -> {
                outcome.status = 401;
                outcome.headers.put("WWW-Authenticate", "Negotiate oRQwEqADCgEBoQsGCSqGSIb3EgECAg==");
                return false;
            }
            case ACCEPTS -> {
                outcome.principal = ALICE;
                outcome.kerberosRole = true;
                return true;
            }
            case REFUSES -> {
                outcome.status = 403;
                return false;
            }
            default -> throw new ServletException("UT010032: Authentication failed");
        }
    }

    private static ClassLoader getLoader() {
        return EndpointAuthenticationFilterTest.class.getClassLoader();
    }

    static final Principal ALICE = () -> "alice@LAB.EXAMPLE";

    @Test
    void kerberosEndpointChallengesWithoutAKerberosIdentity() throws Exception {
        Outcome o = run(new Presented("POST", "/adpolicyprovider_cep_kerberos/service.svc/cep", null, false, null));
        assertFalse(o.passed);
        assertEquals(401, o.status);
        assertEquals("Negotiate", o.headers.get("WWW-Authenticate"));
        assertTrue(o.body.toString(StandardCharsets.UTF_8).startsWith("SOAP0503 "));
    }

    @Test
    void kerberosEndpointRunsTheMechanismAndKeepsItsAnswer() throws Exception {
        String path = "/ADPolicyProvider_CEP_Kerberos/service.svc/CEP";
        Outcome accepted = run(new Presented("POST", path, null, false, null, Mechanism.ACCEPTS));
        assertTrue(accepted.passed);
        assertEquals(1, accepted.authenticateCalls);
        assertEquals(200, accepted.status);

        Outcome challenged = run(new Presented("POST", path, null, false, null, Mechanism.CHALLENGES));
        assertFalse(challenged.passed);
        assertEquals(401, challenged.status);
        assertEquals("Negotiate", challenged.headers.get("WWW-Authenticate"));
        assertTrue(challenged.body.toString(StandardCharsets.UTF_8).startsWith("SOAP0503 "));

        Outcome continued = run(new Presented("POST", path, null, false, null, Mechanism.CONTINUES));
        assertFalse(continued.passed);
        assertEquals(401, continued.status);
        assertEquals("Negotiate oRQwEqADCgEBoQsGCSqGSIb3EgECAg==", continued.headers.get("WWW-Authenticate"));

        Outcome refused = run(new Presented("POST", path, null, false, null, Mechanism.REFUSES));
        assertFalse(refused.passed);
        assertEquals(403, refused.status);
        assertNull(refused.headers.get("WWW-Authenticate"));
        assertTrue(refused.body.toString(StandardCharsets.UTF_8).startsWith("SOAP0501 "));
    }

    @Test
    void onlyKerberosEndpointsAskTheMechanism() throws Exception {
        X509Certificate[] chain = CallerResolverTest.chain("sid_alice");
        for (String path : new String[] {
            "/ADPolicyProvider_CEP_Certificate/service.svc/CEP",
            "/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP",
            "/KeyBasedRenewal_ADPolicyProvider_CEP_Certificate/service.svc/CEP",
            "/no/such/endpoint"
        }) {
            Outcome o = run(new Presented("POST", path, null, false, chain, Mechanism.ACCEPTS));
            assertTrue(o.passed, path);
            assertEquals(0, o.authenticateCalls, path);
        }
        assertEquals(
                0,
                run(new Presented(
                                "GET",
                                "/ADPolicyProvider_CEP_Kerberos/service.svc/CEP",
                                null,
                                false,
                                null,
                                Mechanism.ACCEPTS))
                        .authenticateCalls);
    }

    @Test
    void kerberosEndpointPassesAKerberosIdentityAndRefusesAnyOther() throws Exception {
        assertTrue(
                run(new Presented("POST", "/Lab-Issuing-CA_CES_Kerberos/service.svc/CES", ALICE, true, null)).passed);
        Outcome other =
                run(new Presented("POST", "/ADPolicyProvider_CEP_Kerberos/service.svc/CEP", ALICE, false, null));
        assertFalse(other.passed);
        assertEquals(403, other.status);
        assertTrue(other.body.toString(StandardCharsets.UTF_8).startsWith("SOAP0501 "));
    }

    @Test
    void certificateEndpointNeedsTheTlsCertificateAndNothingElse() throws Exception {
        Outcome none =
                run(new Presented("POST", "/ADPolicyProvider_CEP_Certificate/service.svc/CEP", ALICE, true, null));
        assertFalse(none.passed);
        assertEquals(403, none.status);
        assertNull(none.headers.get("WWW-Authenticate"));
        Outcome empty = run(new Presented(
                "POST",
                "/KeyBasedRenewal_ADPolicyProvider_CEP_Certificate/service.svc/CEP",
                null,
                false,
                new X509Certificate[0]));
        assertEquals(403, empty.status);
        X509Certificate[] chain = CallerResolverTest.chain("sid_alice");
        assertTrue(run(new Presented("POST", "/Lab-Issuing-CA_CES_Certificate/service.svc/CES", null, false, chain))
                .passed);
    }

    @Test
    void usernamePasswordEndpointsUnknownPathsAndEveryGetPass() throws Exception {
        Outcome up =
                run(new Presented("POST", "/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP", null, false, null));
        assertTrue(up.passed);
        assertNull(up.headers.get("WWW-Authenticate"));
        assertTrue(
                run(new Presented("GET", "/ADPolicyProvider_CEP_Kerberos/service.svc/CEP", null, false, null)).passed);
        assertTrue(run(new Presented("HEAD", "/ADPolicyProvider_CEP_Certificate/service.svc/CEP", null, false, null))
                .passed);
        assertTrue(run(new Presented("POST", "/no/such/endpoint", null, false, null)).passed);
    }
}
