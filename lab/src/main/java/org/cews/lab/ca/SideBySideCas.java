package org.cews.lab.ca;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cews.policy.ldap.DirectoryException;
import org.cews.wcce.msicpr.CertServerRequest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.server.msrpce.RpcPrincipal;

/**
 * Several CAs behind one MS-ICPR endpoint: each CertServerRequest goes to the CA its
 * {@code pwszAuthority} names ({@link CaNames}); one that names none goes to the first CA, which
 * refuses it with E_INVALIDARG as before ([MS-WCCE] 3.2.1.4.2.1.1). The first CA is the lab's
 * main one: its name and chain are the lab's. Each CA has its own request table, so request IDs
 * repeat across CAs: the officer names the CA ({@link OfficerChoice}); an approve or deny without
 * one acts only when exactly one CA has that ID pending, and is refused when several do.
 */
final class SideBySideCas implements LabCa, AutoCloseable {

    private final List<EnterpriseLabCa> cas;

    SideBySideCas(List<EnterpriseLabCa> cas) {
        if (cas.isEmpty()) {
            throw new IllegalArgumentException("no CA");
        }
        this.cas = cas;
    }

    @Override
    public String name() {
        return cas.get(0).name();
    }

    @Override
    public List<X509Certificate> chain() {
        return cas.get(0).chain();
    }

    @Override
    public List<LabCa> authorities() {
        return List.copyOf(cas);
    }

    @Override
    public CertServerRequestResponse process(CertServerRequest request, RpcPrincipal caller) {
        for (EnterpriseLabCa ca : cas) {
            if (CaNames.accepts(request.authority(), ca.name())) {
                return ca.process(request, caller);
            }
        }
        return cas.get(0).process(request, caller);
    }

    @Override
    public List<PendingRequest> pending() {
        List<PendingRequest> all = new ArrayList<>();
        cas.forEach(ca -> all.addAll(ca.pending()));
        return all;
    }

    /**
     * Approves at the one CA with {@code requestId} pending; false if none has it.
     *
     * @throws IllegalStateException if several CAs have it pending: name the CA ({@link OfficerChoice})
     */
    @Override
    public boolean approve(int requestId, String officer) {
        Optional<LabCa> holder = holder(requestId);
        return holder.isPresent() && holder.get().approve(requestId, officer);
    }

    /** Denies at the one CA with {@code requestId} pending; false if none has it; as {@link #approve}. */
    @Override
    public boolean deny(int requestId, String officer) {
        Optional<LabCa> holder = holder(requestId);
        return holder.isPresent() && holder.get().deny(requestId, officer);
    }

    private Optional<LabCa> holder(int requestId) {
        try {
            return Optional.of(OfficerChoice.holder(this, Optional.empty(), requestId));
        } catch (OfficerChoice.Refused e) {
            if (e.reason() == OfficerChoice.Refused.Reason.NOT_PENDING) {
                return Optional.empty();
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void refreshDirectory() throws DirectoryException {
        for (EnterpriseLabCa ca : cas) {
            ca.refreshDirectory();
        }
    }

    @Override
    public void close() {
        cas.forEach(EnterpriseLabCa::close);
    }
}
