package org.cews.client.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.OptionalInt;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.xcep.CaUri;
import org.cews.client.xcep.CertificationAuthority;
import org.cews.client.xcep.ClientAuthentication;
import org.cews.client.xcep.EnrollmentPolicy;
import org.cews.client.xcep.Template;
import org.junit.jupiter.api.Test;

class EndpointSelectorTest {
    private static final ClientAuthentication KRB = ClientAuthentication.KERBEROS;

    @Test
    void lowestPriorityFirstNilLastEqualInPolicyOrderEachOnce() throws Exception {
        EnrollmentPolicy p = policy(
                List.of(0),
                ca(
                        0,
                        uri("a", 5, false),
                        uri("nil", -1, false),
                        uri("b", 1, false),
                        uri("c", 1, false),
                        uri("b", 1, false)));
        assertEquals(
                urls("b", "c", "a", "nil"),
                EndpointSelector.select(p, p.templates().get(0), KRB, false));
    }

    @Test
    void onlyTheTemplatesCasAndTheCallersMode() throws Exception {
        EnrollmentPolicy p = policy(
                List.of(1),
                ca(0, uri("other-ca", 0, false)),
                ca(1, uri("mine", 2, false), new CaUri(4, URI.create("https://h/password"), OptionalInt.of(0), false)));
        assertEquals(urls("mine"), EndpointSelector.select(p, p.templates().get(0), KRB, false));
    }

    @Test
    void renewalOnlyUrisServeRenewalsOnly() throws Exception {
        EnrollmentPolicy p = policy(List.of(0), ca(0, uri("renew", 0, true), uri("any", 1, false)));
        assertEquals(urls("any"), EndpointSelector.select(p, p.templates().get(0), KRB, false));
        assertEquals(
                urls("renew", "any"), EndpointSelector.select(p, p.templates().get(0), KRB, true));
    }

    @Test
    void aKeyBasedRenewalGoesToRenewalOnlyCertificateUrisOnly() throws Exception {
        // The embedded default's shape: a Certificate CES for mapped accounts at a better priority
        // than the renewal-only key-based renewal CES; a Kerberos one besides.
        EnrollmentPolicy p = policy(
                List.of(0),
                ca(
                        0,
                        new CaUri(8, URI.create("https://h/cert"), OptionalInt.of(3), false),
                        new CaUri(8, URI.create("https://h/kbr"), OptionalInt.of(4), true),
                        uri("kerberos-renew", 0, true)));
        assertEquals(
                List.of(URI.create("https://h/kbr")),
                EndpointSelector.selectKeyBasedRenewal(p, p.templates().get(0)));

        EnrollmentPolicy none =
                policy(List.of(0), ca(0, new CaUri(8, URI.create("https://h/cert"), OptionalInt.of(3), false)));
        ClientException e = assertThrows(
                ClientException.class,
                () -> EndpointSelector.selectKeyBasedRenewal(
                        none, none.templates().get(0)));
        assertTrue(e.getMessage().endsWith("(a key-based renewal uses renewal-only URIs only)"), e.getMessage());
    }

    @Test
    void nothingUsableSaysWhy() {
        EnrollmentPolicy renewOnly = policy(List.of(0), ca(0, uri("renew", 0, true)));
        ClientException e = assertThrows(
                ClientException.class,
                () -> EndpointSelector.select(renewOnly, renewOnly.templates().get(0), KRB, false));
        assertEquals(ClientMessage.NO_ENDPOINT, e.messageId());
        assertTrue(e.getMessage().endsWith("(renewal-only URIs are not used for new requests)"), e.getMessage());

        EnrollmentPolicy noCa = policy(List.of(9), ca(0, uri("x", 0, false)));
        e = assertThrows(
                ClientException.class,
                () -> EndpointSelector.select(noCa, noCa.templates().get(0), KRB, false));
        assertTrue(e.getMessage().endsWith("(the template names no CA the policy lists)"), e.getMessage());
    }

    private static EnrollmentPolicy policy(List<Integer> caRefs, CertificationAuthority... cas) {
        Template t = new Template(
                "T", 1, caRefs, 2, true, false, 2048, OptionalInt.empty(), 1, 0, 0, new Template.Flags(0, 0, 0, 0));
        return new EnrollmentPolicy("p", "", OptionalInt.of(8), false, List.of(t), List.of(cas), List.of());
    }

    private static CertificationAuthority ca(int id, CaUri... uris) {
        return new CertificationAuthority(id, List.of(uris), new byte[0], true);
    }

    private static CaUri uri(String name, int priority, boolean renewalOnly) {
        return new CaUri(
                2,
                URI.create("https://h/" + name),
                priority < 0 ? OptionalInt.empty() : OptionalInt.of(priority),
                renewalOnly);
    }

    private static List<URI> urls(String... names) {
        return List.of(names).stream().map(n -> URI.create("https://h/" + n)).toList();
    }
}
