package org.cews.cep.service;

import static org.cews.cep.testing.LabForestPolicy.eval;
import static org.cews.cep.testing.LabForestPolicy.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.cews.cep.testing.LabForestPolicy;
import org.cews.cep.xcep.GetPoliciesRequest;
import org.cews.policy.cache.CachedPolicy;
import org.cews.policy.cache.PolicyUnavailableException;
import org.cews.policy.view.Caller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class PolicyServiceTest {

    static LabForestPolicy lab;
    static final CepSettings SETTINGS = CepSettings.from(Map.of(
            "cews.cep.policyId",
            "{P}",
            "cews.cep.cesUris",
            "ca=Lab-Issuing-CA, priority=1, authentication=Kerberos,"
                    + " uri=https://localhost:8443/ces/Lab-Issuing-CA_CES_Kerberos/service.svc/CES")::get);
    static final GetPoliciesRequest FIRST = new GetPoliciesRequest(
            Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty());

    @BeforeAll
    static void start() throws Exception {
        lab = LabForestPolicy.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<CachedPolicy> current = new AtomicReference<>();

    private PolicyService service() {
        current.set(lab.cached());
        return new PolicyService(
                () -> {
                    reads.incrementAndGet();
                    if (current.get() == null) {
                        throw new PolicyUnavailableException("no read yet");
                    }
                    return current.get();
                },
                SETTINGS);
    }

    @Test
    void aSecondCallerWithTheSameSidsGetsTheSameBytesWithoutSerialization() throws Exception {
        PolicyService service = service();
        Caller alice = lab.caller("alice");
        PolicyService.Outcome first = service.getPolicies(alice, FIRST, false);
        PolicyService.Outcome second = service.getPolicies(alice, FIRST, false);
        assertFalse(first.cached());
        assertTrue(second.cached());
        assertSame(first.body(), second.body(), "the cached bytes themselves: no serialization");
        PolicyService.Outcome kbr = service.getPolicies(alice, FIRST, true);
        assertFalse(kbr.cached(), "the key-based-renewal endpoint has its own answer");
        PolicyService.Outcome bob = service.getPolicies(lab.caller("bob"), FIRST, false);
        assertFalse(bob.cached(), "other SIDs, another answer");
    }

    @Test
    void aChangedPolicyEmptiesTheCache() throws Exception {
        PolicyService service = service();
        Caller alice = lab.caller("alice");
        PolicyService.Outcome first = service.getPolicies(alice, FIRST, false);
        CachedPolicy policy = current.get();
        current.set(new CachedPolicy(policy.snapshot(), policy.lastChanged().plusSeconds(60), "another fingerprint"));
        PolicyService.Outcome after = service.getPolicies(alice, FIRST, false);
        assertFalse(after.cached());
        assertNotSame(first.body(), after.body());
    }

    @Test
    void configuredCesUrisReplaceTheDirectorysAndCallersWithoutTemplatesGetTheCa() throws Exception {
        Document doc =
                parse(service().getPolicies(lab.caller("alice"), FIRST, false).body());
        assertEquals("1", eval(doc, "count(//x:cA/x:uris/x:cAURI)"));
        assertEquals(
                "https://localhost:8443/ces/Lab-Issuing-CA_CES_Kerberos/service.svc/CES", eval(doc, "//x:cAURI/x:uri"));
        assertEquals("{P}", eval(doc, "//x:policyID"));
    }

    @Test
    void lastUpdateAtOrAfterTheChangeIsPoliciesNotChanged() throws Exception {
        PolicyService service = service();
        Caller alice = lab.caller("alice");
        GetPoliciesRequest current = new GetPoliciesRequest(
                Optional.of(LabForestPolicy.READ_AT),
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                OptionalInt.empty());
        PolicyService.Outcome unchanged = service.getPolicies(alice, current, false);
        assertTrue(unchanged.notChanged());
        assertEquals("true", eval(parse(unchanged.body()), "//x:policiesNotChanged"));
        GetPoliciesRequest windows = new GetPoliciesRequest(
                Optional.of(Instant.parse("0001-01-01T00:00:00Z")),
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                OptionalInt.empty());
        PolicyService.Outcome full = service.getPolicies(alice, windows, false);
        assertFalse(full.notChanged());
        assertTrue(full.templates() > 0);
    }

    @Test
    void theLanguageIsPartOfTheAnswerAndOfItsKey() throws Exception {
        PolicyService service = service();
        Caller alice = lab.caller("alice");
        String medium =
                "//x:oID[x:value='1.3.6.1.4.1.311.21.8.5734392.4462839.12589318.4307153.8437392.112.7396584.9876543']/x:defaultName";
        PolicyService.Outcome english = service.getPolicies(alice, FIRST, false);
        GetPoliciesRequest de = new GetPoliciesRequest(
                Optional.empty(), Optional.of("de-DE"), Optional.empty(), OptionalInt.of(0), OptionalInt.of(0));
        PolicyService.Outcome german = service.getPolicies(alice, de, false);
        assertFalse(german.cached());
        assertEquals("Lab Medium Assurance", eval(parse(english.body()), medium));
        assertEquals("Lab mittlere Vertrauensstufe", eval(parse(german.body()), medium));
    }

    @Test
    void noPolicyYetIsUnavailable() throws Exception {
        PolicyService service = service();
        current.set(null);
        assertThrows(PolicyUnavailableException.class, () -> service.getPolicies(lab.caller("alice"), FIRST, false));
    }
}
