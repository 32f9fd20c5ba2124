package org.cews.wcce.epm;

import java.util.ArrayList;
import java.util.List;
import org.cews.wcce.ndr.NdrException;
import org.cews.wcce.ndr.NdrReader;
import org.cews.wcce.ndr.NdrWriter;

/**
 * [MS-RPCE] 2.2.1.2.5 ept_map (opnum 3): the {@code [out]} parameters (IDL in {@link EptMap}).
 * ITowers is, as in C706, a conformant varying array of pointers with no pointer of its own in
 * front ([MS-RPCE] &lt;27&gt;: the {@code [ptr]} redefinition "has no wire impact").
 *
 * <pre>
 * entry_handle  20 bytes
 * num_towers    u32
 * ITowers       max_count (= max_towers), offset 0, actual_count (= num_towers),
 *               num_towers referent ids, then each twr_t (max_count, tower_length, octets)
 * status        u32: 0, or EPT_S_NOT_REGISTERED with no towers
 * </pre>
 *
 * {@link #encode()} numbers the tower pointers 3, 4, ..., after the request's 1 and 2; the ids
 * carry no meaning and {@link #decode} accepts any non-zero ones. A NULL tower pointer is refused.
 */
public record EptMapResponse(EptLookupHandle entryHandle, int maxTowers, List<Tower> towers, int status) {

    public EptMapResponse {
        towers = List.copyOf(towers);
        if (entryHandle == null) {
            throw new IllegalArgumentException("entryHandle is required");
        }
        if (maxTowers < towers.size() || maxTowers > EpmInterface.MAX_TOWERS) {
            throw new IllegalArgumentException(
                    "max_towers is num_towers..500 (actual: " + maxTowers + ", " + towers.size() + " towers)");
        }
    }

    /** The answer for an interface that is not registered. */
    public static EptMapResponse notRegistered(EptMap request) {
        return new EptMapResponse(
                EptLookupHandle.NULL, request.maxTowers(), List.of(), EpmInterface.EPT_S_NOT_REGISTERED);
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter(3, 1);
        entryHandle.write(w);
        w.u32(towers.size());
        w.conformantVaryingHeader(maxTowers, towers.size());
        for (Tower t : towers) {
            w.uniquePointer(x -> Twr.write(x, t));
        }
        w.flushDeferred();
        w.u32(status);
        return w.toByteArray();
    }

    public static EptMapResponse decode(byte[] stub) throws NdrException {
        NdrReader r = new NdrReader(stub);
        EptLookupHandle handle = EptLookupHandle.read(r);
        long numTowers = Integer.toUnsignedLong(r.u32("num_towers"));
        NdrReader.VaryingHeader header = r.conformantVaryingHeader("ITowers", 4);
        if (header.maxCount() > EpmInterface.MAX_TOWERS) {
            throw NdrException.mismatch("ITowers max_count", "<= " + EpmInterface.MAX_TOWERS, header.maxCount());
        }
        if (header.actualCount() != numTowers) {
            throw NdrException.mismatch("ITowers actual_count", numTowers, header.actualCount());
        }
        for (int i = 0; i < header.actualCount(); i++) {
            if (r.referentId("ITowers[" + i + "]") == 0) {
                throw NdrException.mismatch("ITowers[" + i + "]", "non-NULL", "NULL");
            }
        }
        List<Tower> towers = new ArrayList<>(header.actualCount());
        for (int i = 0; i < header.actualCount(); i++) {
            towers.add(Twr.read(r, "ITowers[" + i + "]"));
        }
        int status = r.u32("status");
        r.expectEnd();
        return new EptMapResponse(handle, (int) header.maxCount(), towers, status);
    }
}
