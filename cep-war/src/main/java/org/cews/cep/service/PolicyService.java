package org.cews.cep.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cews.cep.xcep.GetPoliciesRequest;
import org.cews.cep.xcep.GetPoliciesResponseWriter;
import org.cews.cep.xcep.XcepAnswer;
import org.cews.policy.acl.CallerSids;
import org.cews.policy.acl.Sid;
import org.cews.policy.cache.CachedPolicy;
import org.cews.policy.cache.PolicyUnavailableException;
import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.view.CaEntry;
import org.cews.policy.view.Caller;
import org.cews.policy.view.PolicyView;
import org.cews.policy.view.PolicyViews;
import org.cews.policy.view.RequestFilter;

/**
 * GetPolicies without a container ([MS-XCEP] 3.1.4.1): the caller's view of the policy the cache
 * serves, written once by the one writer, and kept as bytes for every later caller with the same
 * SIDs, filter, endpoint and language. A cached answer costs no directory round trip and no serialization;
 * the SOAP layer splices the RelatesTo around the bytes (docs/adr/0002). The cache is emptied as
 * soon as the policy's fingerprint changes, and when it grows past {@link #MAX_ENTRIES} (so many
 * distinct SID sets is a sign of churn, not of reuse).
 */
public final class PolicyService {

    /** Where the policy comes from: in the server, the directory runtime's cache. */
    @FunctionalInterface
    public interface Policies {
        CachedPolicy current() throws PolicyUnavailableException, DirectoryException;
    }

    /** The answer and what the audit line says about it. */
    public record Outcome(byte[] body, int templates, int cas, boolean notChanged, boolean cached) {}

    static final int MAX_ENTRIES = 4096;

    /** Who gets the same bytes: the SIDs decide the view, the filter and endpoint the rest. */
    private record Key(Optional<Set<Sid>> sids, RequestFilter filter, boolean notChanged, OptionalInt language) {}

    private final Policies policies;
    private final PolicyViews views;
    private final CepSettings settings;
    private final Map<Key, Outcome> answers = new ConcurrentHashMap<>();
    private volatile String fingerprint = "";

    public PolicyService(Policies policies, CepSettings settings) {
        this.policies = policies;
        this.settings = settings;
        this.views = new PolicyViews(settings.view());
    }

    public Outcome getPolicies(Caller caller, GetPoliciesRequest request, boolean keyBasedRenewal)
            throws PolicyUnavailableException, DirectoryException {
        CachedPolicy policy = policies.current();
        if (!policy.fingerprint().equals(fingerprint)) {
            synchronized (answers) {
                if (!policy.fingerprint().equals(fingerprint)) {
                    answers.clear();
                    fingerprint = policy.fingerprint();
                }
            }
        }
        RequestFilter filter = request.filter(keyBasedRenewal);
        boolean notChanged =
                request.lastUpdate().isPresent() && !request.lastUpdate().get().isBefore(policy.lastChanged());
        OptionalInt language = XcepAnswer.language(request.preferredLanguage());
        Key key = new Key(caller.sids().map(CallerSids::all), filter, notChanged, language);
        Outcome cached = answers.get(key);
        if (cached != null) {
            return new Outcome(cached.body(), cached.templates(), cached.cas(), notChanged, true);
        }
        PolicyView view = views.view(policy.snapshot(), policy.lastChanged(), caller, filter);
        List<CaEntry> cas = view.cas().isEmpty() ? views.usableCas(policy.snapshot(), caller, filter) : view.cas();
        byte[] body = GetPoliciesResponseWriter.write(
                new XcepAnswer(view, cas, settings.nextUpdateHours(), notChanged, language));
        Outcome outcome = new Outcome(
                body, notChanged ? 0 : view.policies().size(), notChanged ? 0 : cas.size(), notChanged, false);
        if (answers.size() >= MAX_ENTRIES) {
            answers.clear();
        }
        answers.put(key, outcome);
        return outcome;
    }
}
