package org.cews.ces.service;

/** Where audit lines go: the log category {@code org.cews.ces.audit} in the server, a list in tests. */
@FunctionalInterface
public interface AuditLog {

    void record(AuditRecord record);

    /** Writes each record as one INFO line (WARNING for refusals and transient failures). */
    static AuditLog system() {
        System.Logger log = System.getLogger("org.cews.ces.audit");
        return r -> log.log(
                r.disposition() == Disposition.ISSUED || r.disposition() == Disposition.PENDING
                        ? System.Logger.Level.INFO
                        : System.Logger.Level.WARNING,
                r.line());
    }
}
