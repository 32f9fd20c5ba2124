package org.cews.wcce.epm;

import org.cews.wcce.ndr.NdrException;
import org.cews.wcce.ndr.NdrReader;
import org.cews.wcce.ndr.NdrWriter;

/**
 * [MS-RPCE] 2.2.1.2.2 twr_t, the NDR wrapping of a tower: a structure ending in a conformant
 * array, so its max_count comes first (C706 14.3.7.1).
 *
 * <pre>
 * typedef struct {
 *     [range(0,2000)] unsigned long tower_length;
 *     [size_is(tower_length)] BYTE tower_octet_string[];
 * } twr_t, *twr_p_t;
 *
 * max_count:u32 (= tower_length), tower_length:u32, the tower's octets
 * </pre>
 */
final class Twr {

    private Twr() {}

    static void write(NdrWriter w, Tower tower) {
        byte[] octets = tower.encode();
        w.u32(octets.length);
        w.u32(octets.length);
        w.bytes(octets);
    }

    static Tower read(NdrReader r, String what) throws NdrException {
        int maxCount = r.conformance(what + ".tower_octet_string", 1);
        long towerLength = Integer.toUnsignedLong(r.u32(what + ".tower_length"));
        if (towerLength != maxCount) {
            throw NdrException.mismatch(what + ".tower_length", maxCount, towerLength);
        }
        if (towerLength > EpmInterface.MAX_TOWER_LENGTH) {
            throw NdrException.mismatch(what + ".tower_length", "<= " + EpmInterface.MAX_TOWER_LENGTH, towerLength);
        }
        return Tower.decode(r.bytes(maxCount, what + ".tower_octet_string"));
    }
}
