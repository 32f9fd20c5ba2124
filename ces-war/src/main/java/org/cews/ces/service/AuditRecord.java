package org.cews.ces.service;

import java.util.OptionalInt;

/**
 * One audit line per request (docs/ARCHITECTURE.md §4.12): who, how authenticated, which template
 * and CA, the CA's request id, what became of it, the HRESULT of a refusal and the correlation id
 * the answer carries. Absent values print as {@code -}.
 */
public record AuditRecord(
        String caller,
        String authMode,
        String template,
        String ca,
        OptionalInt requestId,
        Disposition disposition,
        OptionalInt hresult,
        String correlationId,
        String detail) {

    /** The line, with its typed ID. */
    public String line() {
        return org.cews.ces.CesMessage.CES0390.format(
                caller,
                authMode,
                template,
                ca,
                requestId.isPresent() ? Integer.toString(requestId.getAsInt()) : "-",
                disposition,
                hresult.isPresent() ? org.cews.ces.wstep.HResult.hex(hresult.getAsInt()) : "-",
                correlationId,
                detail);
    }
}
