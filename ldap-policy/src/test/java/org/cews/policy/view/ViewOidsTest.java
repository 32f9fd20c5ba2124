package org.cews.policy.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cews.policy.fixtures.LabForest;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.Oid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OIDs a view lists ([MS-XCEP] 3.1.4.1.3.16): what the offered templates refer to, with the forest's data. */
class ViewOidsTest {

    static final String BASE = LabForest.FOREST_OID;

    static LabPolicy lab;
    static PolicyView alice;

    @BeforeAll
    static void start() throws Exception {
        lab = LabPolicy.start();
        alice = new PolicyViews(ViewConfig.of("id")).view(lab.snapshot, lab.caller("alice"), RequestFilter.NONE);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static String line(OidEntry e) {
        return e.referenceId() + " " + e.group().code() + " " + e.oid() + " "
                + e.defaultName().orElse("-") + (e.enterprise().isPresent() ? " [forest]" : "");
    }

    @Test
    void listsWhatTheOfferedTemplatesReferToInOrderMet() {
        assertEquals(
                """
                1 9 %1$s.11372818.4139912 Lab Pend All [forest]
                2 7 1.3.6.1.5.5.7.3.2 Client Authentication
                3 9 %1$s.9862511.15203466 Lab User V2 [forest]
                4 7 1.3.6.1.4.1.311.10.3.4 Encrypting File System
                5 7 1.3.6.1.5.5.7.3.4 Secure Email
                6 8 %1$s.7396584.9876543 Lab Medium Assurance [forest]
                7 9 %1$s.1.1 User
                8 9 %1$s.1.16 Web Server
                9 7 1.3.6.1.5.5.7.3.1 Server Authentication"""
                        .formatted(BASE),
                alice.oids().stream().map(ViewOidsTest::line).collect(Collectors.joining("\n")));
    }

    @Test
    void everyPolicyPointsAtItsTemplateOid() {
        for (PolicyEntry p : alice.policies()) {
            int ref = p.oidReference().orElseThrow();
            OidEntry entry = alice.oids().get(ref - 1);
            assertEquals(p.template().oid().orElseThrow(), entry.oid());
            assertEquals(OidGroup.ENROLLMENT_OBJECT, entry.group());
        }
    }

    @Test
    void everyOidAnOfferedTemplateNamesIsListed() {
        for (PolicyEntry p : alice.policies()) {
            CertificateTemplate t = p.template();
            Stream.of(t.extendedKeyUsages(), t.applicationPolicies(), t.issuancePolicies())
                    .flatMap(List::stream)
                    .forEach(oid -> assertTrue(alice.oid(oid).isPresent(), t.cn() + " names " + oid));
        }
    }

    @Test
    void theIssuancePolicyCarriesTheForestData() {
        OidEntry medium = alice.oid(new Oid(BASE + ".7396584.9876543")).orElseThrow();
        assertEquals(
                List.of("https://pki.lab.example/cps/medium.html"),
                medium.enterprise().orElseThrow().cpsUrls());
        assertEquals(
                Optional.of("Lab mittlere Vertrauensstufe"),
                medium.enterprise().orElseThrow().name(1031));
    }

    @Test
    void forestOidsNoOfferedTemplateNamesAreLeftOut() {
        // "Lab Internal Signing" (an application policy) and the templates alice is not offered
        assertEquals(Optional.empty(), alice.oid(new Oid(BASE + ".8861327.5512873")));
        assertEquals(Optional.empty(), alice.oid(new Oid(BASE + ".14201532.7736124")));
        assertEquals(Optional.empty(), alice.oid(new Oid(BASE + ".1.14")));
    }
}
