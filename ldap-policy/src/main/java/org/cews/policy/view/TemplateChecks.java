package org.cews.policy.view;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cews.policy.acl.AccessEvaluator;
import org.cews.policy.acl.Acl;
import org.cews.policy.acl.CallerSids;
import org.cews.policy.acl.SecurityDescriptor;
import org.cews.policy.acl.TemplatePermission;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.EnrollmentService;
import org.cews.policy.model.Oid;

/**
 * The checks of {@link Explanation}, in its order, for one snapshot, requester and filter. The view
 * and "explain" both ask this class, so they cannot disagree.
 */
final class TemplateChecks {

    private final Caller caller;
    private final RequestFilter filter;
    private final SidNames names;
    private final List<CaCheck> cas;

    TemplateChecks(PolicySnapshot snapshot, CesUriConfig uris, Caller caller, RequestFilter filter, SidNames names) {
        this.caller = caller;
        this.filter = filter;
        this.names = names;
        this.cas = snapshot.enrollmentServices().stream()
                .map(s -> CaCheck.of(s, uris, snapshot.readAt()))
                .toList();
    }

    List<CaCheck> cas() {
        return cas;
    }

    Explanation check(CertificateTemplate t) {
        String cn = t.cn();
        List<CaCheck> publishers =
                cas.stream().filter(c -> c.service().publishes(cn)).toList();
        if (publishers.isEmpty()) {
            return new Explanation.NotPublished(cn, caNames(cas));
        }
        List<CaCheck> usable = publishers.stream().filter(CaCheck::usable).toList();
        if (usable.isEmpty()) {
            return new Explanation.NoUsableCa(
                    cn, publishers.stream().flatMap(c -> c.problem().stream()).toList());
        }
        if (filter.keyBasedRenewal() && !t.allowsKeyBasedRenewal()) {
            return new Explanation.NotKeyBasedRenewal(cn, t.enrollmentFlags().value());
        }
        if (filter.clientVersionLimit().isPresent()
                && t.clientVersion() > filter.clientVersionLimit().getAsInt()) {
            return new Explanation.ClientVersionFiltered(
                    cn, t.clientVersion(), filter.clientVersionLimit().getAsInt());
        }
        if (filter.serverVersionLimit().isPresent()
                && t.serverVersion() > filter.serverVersionLimit().getAsInt()) {
            return new Explanation.ServerVersionFiltered(
                    cn, t.serverVersion(), filter.serverVersionLimit().getAsInt());
        }
        Optional<Set<Oid>> wanted = filter.policyOids();
        if (wanted.isPresent()
                && (t.oid().isEmpty() || !wanted.get().contains(t.oid().get()))) {
            return new Explanation.PolicyOidFiltered(cn, t.oid(), wanted.get());
        }
        List<String> from = caNames(usable);
        if (filter.keyBasedRenewal()) {
            return new Explanation.Offered(
                    cn,
                    caller.name(),
                    Permission.keyBasedRenewal(t.requestsAutoEnrollment()),
                    from,
                    "the signature with the old key stands in for the Enroll check, which is skipped");
        }
        return enrollCheck(t, from);
    }

    private Explanation enrollCheck(CertificateTemplate t, List<String> from) {
        if (caller.sids().isEmpty()) {
            return new Explanation.NoAccount(t.cn(), caller.name());
        }
        if (t.securityDescriptor().isEmpty()) {
            return new Explanation.NoSecurityDescriptor(t.cn());
        }
        CallerSids sids = caller.sids().get();
        SecurityDescriptor sd = t.securityDescriptor().get();
        TemplatePermission permission = AccessEvaluator.templatePermission(sd, sids);
        int aces = sd.dacl().map(Acl::aces).map(List::size).orElse(0);
        String reason = AclText.clause(permission.enroll(), aces, caller.name(), sids, names);
        if (!permission.canEnroll()) {
            return new Explanation.NoEnrollRight(t.cn(), caller.name(), permission.enroll(), reason);
        }
        return new Explanation.Offered(t.cn(), caller.name(), Permission.fromAcl(permission), from, reason);
    }

    private static List<String> caNames(List<CaCheck> checks) {
        return checks.stream().map(CaCheck::service).map(EnrollmentService::cn).toList();
    }
}
