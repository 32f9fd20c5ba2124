package org.cews.ces.service;

/**
 * Where audit lines go: in the server the category {@code org.cews.audit.ces}, below the audit category
 * {@code org.cews.audit} that deploy/cli/configure-logging.cli writes to log/cews-audit.log; a list in
 * tests.
 */
@FunctionalInterface
public interface AuditLog {

    void record(AuditRecord record);

    /** Writes each record as one INFO line (WARNING for refusals and transient failures). */
    static AuditLog system() {
        System.Logger log = System.getLogger("org.cews.audit.ces");
        return r -> log.log(
                r.disposition() == Disposition.ISSUED || r.disposition() == Disposition.PENDING
                        ? System.Logger.Level.INFO
                        : System.Logger.Level.WARNING,
                r.line());
    }
}
