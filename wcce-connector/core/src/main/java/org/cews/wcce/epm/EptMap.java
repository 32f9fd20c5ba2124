package org.cews.wcce.epm;

import java.util.UUID;
import org.cews.wcce.msrpce.SyntaxId;
import org.cews.wcce.ndr.NdrException;
import org.cews.wcce.ndr.NdrReader;
import org.cews.wcce.ndr.NdrWriter;

/**
 * [MS-RPCE] 2.2.1.2.5 ept_map (C706 appendix O; opnum 3): the {@code [in]} parameters.
 *
 * <pre>
 * void ept_map(
 *     [in] handle_t hEpMapper,
 *     [in, ptr] UUID *obj,
 *     [in, ptr] twr_p_t map_tower,
 *     [in, out] ept_lookup_handle_t *entry_handle,
 *     [in, range(0,500)] unsigned long max_towers,
 *     [out] unsigned long *num_towers,
 *     [out, ptr, size_is(max_towers), length_is(*num_towers)] twr_p_t *ITowers,
 *     [out] error_status *status);
 *
 * obj           referent id 1; the UUID (16 bytes)
 * map_tower     referent id 2; twr_t (max_count, tower_length, octets)
 * entry_handle  20 bytes
 * max_towers    u32
 * </pre>
 *
 * Interop: impacket notes that Windows Server 2003 fails the call with rpc_x_bad_stub_data
 * unless the referent ids are exactly 1 (obj) and 2 (map_tower), so {@link #encode()} always
 * uses those. {@link #decode} accepts any non-zero ids.
 */
public record EptMap(UUID obj, Tower mapTower, EptLookupHandle entryHandle, int maxTowers) {

    public static final int OBJ_REFERENT_ID = 1;
    public static final int MAP_TOWER_REFERENT_ID = 2;

    public EptMap {
        if (entryHandle == null) {
            throw new IllegalArgumentException("entryHandle is required (EptLookupHandle.NULL on a first call)");
        }
        if (maxTowers < 0 || maxTowers > EpmInterface.MAX_TOWERS) {
            throw new IllegalArgumentException("max_towers is 0..500 (actual: " + maxTowers + ")");
        }
    }

    /** What a client sends first: the null object UUID and the ncacn_ip_tcp tower of {@code iface}. */
    public static EptMap forInterface(SyntaxId iface, int maxTowers) {
        return new EptMap(new UUID(0, 0), Tower.ncacnIpTcp(iface), EptLookupHandle.NULL, maxTowers);
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        w.uniquePointer(OBJ_REFERENT_ID, obj == null ? null : x -> x.uuid(obj));
        w.flushDeferred();
        w.uniquePointer(MAP_TOWER_REFERENT_ID, mapTower == null ? null : x -> Twr.write(x, mapTower));
        w.flushDeferred();
        entryHandle.write(w);
        w.u32(maxTowers);
        return w.toByteArray();
    }

    /** The server side: what the lab's endpoint mapper receives. */
    public static EptMap decode(byte[] stub) throws NdrException {
        NdrReader r = new NdrReader(stub);
        UUID obj = r.referentId("obj") == 0 ? null : r.uuid("obj");
        Tower tower = r.referentId("map_tower") == 0 ? null : Twr.read(r, "map_tower");
        EptLookupHandle handle = EptLookupHandle.read(r);
        long maxTowers = Integer.toUnsignedLong(r.u32("max_towers"));
        if (maxTowers > EpmInterface.MAX_TOWERS) {
            throw NdrException.mismatch("max_towers", "<= " + EpmInterface.MAX_TOWERS, maxTowers);
        }
        r.expectEnd();
        return new EptMap(obj, tower, handle, (int) maxTowers);
    }
}
