package org.cews.client.policy;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.http.SoapTransport;
import org.cews.client.soap.MessageIds;
import org.cews.client.soap.SoapResponse;
import org.cews.client.wstep.EnrollmentFault;
import org.cews.client.xcep.EnrollmentPolicy;
import org.cews.client.xcep.GetPolicies;
import org.cews.client.xcep.GetPoliciesResponseReader;

/**
 * Gets the enrollment policy of a CEP URL ([MS-XCEP] 3.1.4.1), from the local cache while it is
 * fresh, else with GetPolicies naming the cached policy's fetch time as lastUpdate; a
 * {@code policiesNotChanged} answer keeps the cached policy and restarts its clock.
 */
public final class PolicyService {
    private final SoapTransport transport;
    private final Optional<PolicyCache> cache;
    private final Clock clock;
    private final MessageIds ids;

    public PolicyService(SoapTransport transport, Optional<PolicyCache> cache, Clock clock, MessageIds ids) {
        this.transport = transport;
        this.cache = cache;
        this.clock = clock;
        this.ids = ids;
    }

    /** The policy; {@code refresh} ignores a fresh cache entry (the fetch still names its time). */
    public EnrollmentPolicy policy(URI cep, boolean refresh) throws ClientException {
        var mode = transport.credentials().mode();
        String who = transport.credentials().identity();
        Optional<PolicyCache.Entry> cached = Optional.empty();
        if (cache.isPresent()) {
            try {
                cached = cache.get().load(cep, mode, who);
            } catch (IOException e) {
                transport
                        .trace()
                        .progress(ClientMessage.POLICY_CACHE_UNUSABLE.format(
                                cache.get().file(cep, mode, who), e.getMessage()));
            }
        }
        Instant now = clock.instant();
        if (cached.isPresent() && !refresh && cached.get().fresh(now)) {
            transport
                    .trace()
                    .progress(ClientMessage.POLICY_CACHED.format(
                            cep, cached.get().fetched(), cached.get().dueAt()));
            return read(cached.get().envelope(), cep);
        }
        byte[] request = GetPolicies.envelope(
                cep,
                ids.urn(),
                cached.map(PolicyCache.Entry::fetched),
                transport.credentials().soapHeaders());
        SoapResponse r = transport.post(cep, request);
        if (r instanceof SoapResponse.Fault f) {
            throw EnrollmentFault.of(f.fault()).toException(cep.toString());
        }
        SoapResponse.Payload p = (SoapResponse.Payload) r;
        EnrollmentPolicy policy = GetPoliciesResponseReader.read(p.element(), cep.toString());
        byte[] envelope = p.envelope();
        if (policy.policiesNotChanged() && cached.isPresent()) {
            transport
                    .trace()
                    .progress(ClientMessage.POLICY_NOT_CHANGED.format(
                            cep, cached.get().fetched()));
            envelope = cached.get().envelope();
            policy = read(envelope, cep);
        }
        if (cache.isPresent()) {
            int hours = policy.nextUpdateHours().orElse(PolicyCache.DEFAULT_NEXT_UPDATE_HOURS);
            try {
                cache.get().store(cep, mode, who, new PolicyCache.Entry(envelope, now, Math.max(hours, 0)));
            } catch (IOException e) {
                transport
                        .trace()
                        .progress(ClientMessage.POLICY_CACHE_UNUSABLE.format(
                                cache.get().file(cep, mode, who), e.getMessage()));
            }
        }
        return policy;
    }

    private static EnrollmentPolicy read(byte[] envelope, URI cep) throws ClientException {
        SoapResponse r = SoapResponse.read(envelope, cep.toString());
        if (!(r instanceof SoapResponse.Payload p)) {
            throw new ClientException(ClientMessage.MISSING_ELEMENT, cep, "xcep:GetPoliciesResponse in the cache");
        }
        return GetPoliciesResponseReader.read(p.element(), cep.toString());
    }
}
