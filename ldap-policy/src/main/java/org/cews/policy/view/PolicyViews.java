package org.cews.policy.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cews.policy.acl.AccessEvaluator;
import org.cews.policy.acl.ControlAccessRight;
import org.cews.policy.acl.Decision;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.model.AttributeDecodeException;
import org.cews.policy.model.CertificateTemplate;

/**
 * The service the CEP endpoint and the admin command call: the policy view of one requester for
 * one request ([MS-XCEP] 3.1.4.1: GetPolicies; the AD-to-XCEP mapping of docs/CA-RPC-AD.md §5.6) and the
 * explanation of one template. Stateless; give it the snapshot the {@code PolicyCache} serves.
 *
 * <p>Templates the requester may not enroll for are left out of the view, not listed with
 * enroll=false (so a listed policy always carries enroll=true; autoEnroll needs Enroll as well,
 * [MS-CRTD] 2.5.2, so "neither right" and "no Enroll" are the same case). Sources, none of them
 * conclusive: [MS-XCEP] 1.1 defines the certificate enrollment policy as "the collection of
 * certificate templates and certificate issuers available to the requestor", which reads as
 * omission; 3.1.4.1.3.11 EnrollmentPermission can carry false but no processing rule says when;
 * the only public AD CS responses (the AD CS captures in cepces' tests, docs/XCEP-WSTEP.md §2.3 and §2.5) list
 * templates with enroll=true and nothing else; [MS-WCCE] 1.3.3.4 has administrators hide templates
 * with the Read right and the CA refuse requests without Enroll (3.2.2.6.2.1.4.3,
 * CERTSRV_E_TEMPLATE_DENIED). What AD CS's CEP does for a template the requester can read but not
 * enroll for is not confirmed by a capture. In key-based-renewal mode the Enroll check is skipped
 * ({@link Permission#keyBasedRenewal}).
 */
public final class PolicyViews {

    private final ViewConfig config;
    private final SidNames names;

    public PolicyViews(ViewConfig config, SidNames names) {
        this.config = config;
        this.names = names.orElse(SidNames.wellKnown());
    }

    public PolicyViews(ViewConfig config) {
        this(config, SidNames.wellKnown());
    }

    /** The view, with {@code lastUpdate} the time the policy content last changed. */
    public PolicyView view(PolicySnapshot snapshot, Instant lastUpdate, Caller caller, RequestFilter filter) {
        TemplateChecks checks = new TemplateChecks(snapshot, config.cesUris(), caller, filter, names);
        OidTable oids = new OidTable(snapshot);
        Map<String, CaEntry> cas = new LinkedHashMap<>();
        List<PolicyEntry> policies = new ArrayList<>();
        List<CertificateTemplate> templates = new ArrayList<>(snapshot.templates());
        templates.sort(Comparator.comparing(t -> t.cn().toLowerCase(Locale.ROOT)));
        for (CertificateTemplate t : templates) {
            if (!(checks.check(t) instanceof Explanation.Offered offered)) {
                continue;
            }
            List<Integer> refs = new ArrayList<>();
            for (CaCheck ca : checks.cas()) {
                if (ca.usable() && ca.service().publishes(t.cn())) {
                    refs.add(cas.computeIfAbsent(ca.service().cn(), k -> caEntry(ca, cas.size(), caller, filter))
                            .referenceId());
                }
            }
            policies.add(new PolicyEntry(t, offered.permission(), refs, oids.addAll(t)));
        }
        return new PolicyView(
                config.policyId(),
                config.friendlyName(),
                lastUpdate,
                caller,
                filter,
                policies,
                List.copyOf(cas.values()),
                oids.entries());
    }

    /**
     * Every CA of the snapshot that can be offered (a CES URI and a certificate), as the CAs of a
     * view are built, numbered from 0 in directory order. For a GetPoliciesResponse whose view has
     * no CA because it offers no template: cepces up to v0.3.13 crashes on a nil cAs and every
     * version on an empty one (docs/REAL-CLIENTS.md), so the CEP sends these instead.
     */
    public List<CaEntry> usableCas(PolicySnapshot snapshot, Caller caller, RequestFilter filter) {
        TemplateChecks checks = new TemplateChecks(snapshot, config.cesUris(), caller, filter, names);
        List<CaEntry> cas = new ArrayList<>();
        for (CaCheck ca : checks.cas()) {
            if (ca.usable()) {
                cas.add(caEntry(ca, cas.size(), caller, filter));
            }
        }
        return cas;
    }

    /** The view of a snapshot whose content changed when it was read. */
    public PolicyView view(PolicySnapshot snapshot, Caller caller, RequestFilter filter) {
        return view(snapshot, snapshot.readAt(), caller, filter);
    }

    /**
     * Why {@code templateName} (a cn, display name or template OID) is or is not in the view of
     * {@code caller} for {@code filter}.
     */
    public Explanation explain(PolicySnapshot snapshot, Caller caller, String templateName, RequestFilter filter) {
        Optional<CertificateTemplate> template = find(snapshot, templateName);
        if (template.isEmpty()) {
            return undecodable(snapshot, templateName)
                    .orElseGet(() -> new Explanation.NotFound(templateName, snapshot.configurationNamingContext()));
        }
        return new TemplateChecks(snapshot, config.cesUris(), caller, filter, names).check(template.get());
    }

    private static CaEntry caEntry(CaCheck ca, int id, Caller caller, RequestFilter filter) {
        Optional<Decision> decision = filter.keyBasedRenewal() || caller.sids().isEmpty()
                ? Optional.empty()
                : ca.service()
                        .securityDescriptor()
                        .map(sd -> AccessEvaluator.check(sd, caller.sids().get(), ControlAccessRight.ENROLL));
        return new CaEntry(
                id,
                ca.service(),
                ca.uris(),
                ca.certificate().orElseThrow(),
                decision.map(Decision::granted).orElse(true),
                decision);
    }

    private static Optional<CertificateTemplate> find(PolicySnapshot snapshot, String name) {
        return snapshot.template(name).or(() -> snapshot.templates().stream()
                .filter(t -> t.displayName().equalsIgnoreCase(name)
                        || t.oid().map(o -> o.value().equals(name)).orElse(false))
                .findFirst());
    }

    private static Optional<Explanation> undecodable(PolicySnapshot snapshot, String name) {
        String rdn = "cn=" + name.toLowerCase(Locale.ROOT) + ",";
        for (AttributeDecodeException problem : snapshot.problems()) {
            String dn = problem.dn().toLowerCase(Locale.ROOT);
            if (dn.startsWith(rdn) && dn.contains(",cn=certificate templates,")) {
                return Optional.of(new Explanation.Undecodable(name, problem.getMessage()));
            }
        }
        return Optional.empty();
    }
}
