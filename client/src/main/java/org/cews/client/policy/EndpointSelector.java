package org.cews.client.policy;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.xcep.CaUri;
import org.cews.client.xcep.CertificationAuthority;
import org.cews.client.xcep.ClientAuthentication;
import org.cews.client.xcep.EnrollmentPolicy;
import org.cews.client.xcep.Template;

/**
 * Chooses the CES URIs for one request as Windows does (docs/CLIENT.md, "How endpoints are
 * chosen"): only the CAs the template names ([MS-XCEP] 3.1.4.1.3.7 cAs), only URIs of the caller's
 * authentication mode (3.1.4.1.3.5 clientAuthentication), renewal-only URIs only for renewals
 * (renewalOnly), lowest priority number first, equal priorities in policy order. Unlike cepces,
 * which pools the URIs of every CA, a template is never sent to a CA that does not issue it.
 */
public final class EndpointSelector {
    private EndpointSelector() {}

    public static List<URI> select(
            EnrollmentPolicy policy, Template template, ClientAuthentication mode, boolean renewal)
            throws ClientException {
        return select(policy, template, mode, renewal, false);
    }

    /**
     * The URIs for a key-based renewal: only renewal-only URIs with certificate authentication. A
     * key-based renewal authenticates with a certificate that may map to no account, which only a
     * renewal-only CES that allows key-based renewal takes (AD CS's {@code -RenewalOnly
     * -AllowKeyBasedRenewal}); a CES for certificates that map to accounts would refuse it for good,
     * and a refusal is never retried elsewhere, so such URIs are not tried first.
     */
    public static List<URI> selectKeyBasedRenewal(EnrollmentPolicy policy, Template template) throws ClientException {
        return select(policy, template, ClientAuthentication.CERTIFICATE, true, true);
    }

    private static List<URI> select(
            EnrollmentPolicy policy,
            Template template,
            ClientAuthentication mode,
            boolean renewal,
            boolean renewalOnlyUris)
            throws ClientException {
        List<CaUri> candidates = new ArrayList<>();
        for (CertificationAuthority ca : policy.casOf(template)) {
            for (CaUri u : ca.uris()) {
                if (u.clientAuthentication() == mode.code()
                        && (renewal || !u.renewalOnly())
                        && (!renewalOnlyUris || u.renewalOnly())) {
                    candidates.add(u);
                }
            }
        }
        candidates.sort(Comparator.comparingLong(CaUri::sortKey));
        Set<URI> ordered = new LinkedHashSet<>();
        candidates.forEach(u -> ordered.add(u.uri()));
        if (ordered.isEmpty()) {
            String why = policy.casOf(template).isEmpty()
                    ? " (the template names no CA the policy lists)"
                    : renewalOnlyUris
                            ? " (a key-based renewal uses renewal-only URIs only)"
                            : renewal ? "" : " (renewal-only URIs are not used for new requests)";
            throw new ClientException(ClientMessage.NO_ENDPOINT, template.commonName(), mode.label(), why);
        }
        return List.copyOf(ordered);
    }
}
