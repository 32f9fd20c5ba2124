package org.cews.epa.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointPolicyTest {

    private final List<String> warnings = new ArrayList<>();

    private EndpointPolicy policy(String cep, String ces) {
        Properties p = new Properties();
        if (cep != null) {
            p.setProperty(EndpointPolicy.CEP_PROPERTY, cep);
        }
        if (ces != null) {
            p.setProperty(EndpointPolicy.CES_PROPERTY, ces);
        }
        return EndpointPolicy.from(p, warnings::add);
    }

    @Test
    void offByDefault() {
        EndpointPolicy none = policy(null, null);

        assertEquals(new EndpointPolicy(TokenChecking.NONE, TokenChecking.NONE), none);
        assertFalse(none.checksAny());
        assertEquals(TokenChecking.NONE, none.forRequest(URI.create("/ADPolicyProvider_CEP_Kerberos/service.svc/CEP")));
        assertEquals(List.of(), warnings);
    }

    @Test
    void eachServiceHasItsOwnLevel() {
        EndpointPolicy cepOnly = policy("Require", "None");

        assertEquals(
                TokenChecking.REQUIRE,
                cepOnly.forRequest(URI.create("/ADPolicyProvider_CEP_Kerberos/service.svc/CEP")));
        assertEquals(
                TokenChecking.NONE, cepOnly.forRequest(URI.create("/ces/Lab-Issuing-CA_CES_Kerberos/service.svc/CES")));
        EndpointPolicy cesOnly = policy("none", "REQUIRE");
        assertEquals(
                TokenChecking.NONE, cesOnly.forRequest(URI.create("/ADPolicyProvider_CEP_Kerberos/service.svc/CEP")));
        assertEquals(
                TokenChecking.REQUIRE,
                cesOnly.forRequest(URI.create("/ces/Lab-Issuing-CA_CES_Kerberos/service.svc/CES")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP",
                "/ADPolicyProvider_CEP_Certificate/service.svc/CEP",
                "/KeyBasedRenewal_ADPolicyProvider_CEP_Certificate/service.svc/CEP",
                "/ces/Lab-Issuing-CA_CES_UsernamePassword/service.svc/CES",
                "/",
                "/ces/"
            })
    void endpointsOfOtherModesNeverCheck(String path) {
        assertEquals(TokenChecking.NONE, policy("Require", "Require").forRequest(URI.create(path)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/adpolicyprovider_cep_kerberos/service.svc/CEP",
                "/ADPolicyProvider%5FCEP%5FKerberos/service.svc/CEP",
                "/ADPolicyProvider_CEP_Kerberos;jsessionid=x/service.svc/CEP",
                "/x/../ADPolicyProvider_CEP_KERBEROS/service.svc/CEP",
                "/ADPolicyProvider_CEP_Kerberos"
            })
    void noSpellingOfAKerberosEndpointEscapes(String path) {
        assertEquals(TokenChecking.REQUIRE, policy("Require", "None").forRequest(URI.create(path)));
    }

    @Test
    void allowIsEnforcedAsRequireAndSaysSo() {
        EndpointPolicy allow = policy("Allow", null);

        assertEquals(TokenChecking.ALLOW, allow.cep());
        assertEquals(
                TokenChecking.REQUIRE, allow.forRequest(URI.create("/ADPolicyProvider_CEP_Kerberos/service.svc/CEP")));
        assertEquals(1, warnings.size());
        assertTrue(
                warnings.get(0).startsWith("EPA0108 the setting cews.auth.channelBinding.cep is Allow"),
                warnings.get(0));
    }

    @Test
    void aValueThatIsNoLevelIsTakenAsRequire() {
        EndpointPolicy typo = policy(null, "Requried");

        assertEquals(TokenChecking.REQUIRE, typo.ces());
        assertTrue(typo.checksAny());
        assertEquals(
                List.of("EPA0107 the setting cews.auth.channelBinding.ces has the value Requried, which is not None,"
                        + " Allow or Require: enforced as Require"),
                warnings);
    }

    @Test
    void levelsParseWithoutRegardToCase() {
        assertEquals(Optional.of(TokenChecking.REQUIRE), TokenChecking.parse(" require "));
        assertEquals(Optional.of(TokenChecking.NONE), TokenChecking.parse(""));
        assertEquals(Optional.empty(), TokenChecking.parse("always"));
        assertEquals("Require", TokenChecking.REQUIRE.label());
    }
}
