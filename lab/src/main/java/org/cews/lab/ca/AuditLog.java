package org.cews.lab.ca;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.cews.lab.ca.store.RequestRecord;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.HResult;

/**
 * One log line per decision (docs/ARCHITECTURE.md §4.12): the CA, the request id, what happened, the
 * caller, the requester, the template, the disposition, the HRESULT and the message, on the
 * logger {@code org.cews.lab.ca.audit}.
 */
final class AuditLog {

    private static final Logger LOG = System.getLogger("org.cews.lab.ca.audit");

    private final String ca;

    AuditLog(String ca) {
        this.ca = ca;
    }

    void decision(String event, RequestRecord row, Disposition disposition, HResult hr) {
        LOG.log(
                hr.isFailure() ? Level.WARNING : Level.INFO,
                () -> String.format(
                        "ca=%s request=%d event=%s caller=%s requester=%s template=%s disposition=%s hresult=%s"
                                + " message=\"%s\"",
                        ca,
                        row.id(),
                        event,
                        row.caller(),
                        row.requesterName().orElse(row.caller()),
                        row.template().orElse("-"),
                        disposition,
                        CertSrvErrors.describe(hr),
                        row.message()));
    }

    void rejected(String event, String caller, int requestId, HResult hr, String why) {
        LOG.log(
                Level.WARNING,
                () -> String.format(
                        "ca=%s request=%d event=%s caller=%s returned=%s message=\"%s\"",
                        ca, requestId, event, caller, CertSrvErrors.describe(hr), why));
    }
}
