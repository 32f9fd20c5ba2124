package org.cews.wcce.epm;

import java.util.UUID;
import org.cews.wcce.ndr.NdrException;
import org.cews.wcce.ndr.NdrReader;
import org.cews.wcce.ndr.NdrWriter;

/**
 * ept_lookup_handle_t (C706 appendix O), a context handle: on the wire its 20 bytes,
 * {@code context_handle_attributes:u32} and a UUID (ndr_context_handle, C706 appendix N). A
 * first call sends {@link #NULL}.
 */
public record EptLookupHandle(int attributes, UUID uuid) {

    public static final EptLookupHandle NULL = new EptLookupHandle(0, new UUID(0, 0));

    public boolean isNull() {
        return equals(NULL);
    }

    void write(NdrWriter w) {
        w.u32(attributes);
        w.uuid(uuid);
    }

    static EptLookupHandle read(NdrReader r) throws NdrException {
        int attributes = r.u32("entry_handle attributes");
        return new EptLookupHandle(attributes, r.uuid("entry_handle uuid"));
    }
}
