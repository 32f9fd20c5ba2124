package org.cews.wcce.epm;

import org.cews.wcce.ndr.NdrException;

/**
 * Bounds-checked reads over a tower's octets, which are not NDR: little-endian counts with no
 * alignment (C706 appendix L).
 */
final class TowerReader {

    private final byte[] b;
    private int pos;

    TowerReader(byte[] b) {
        this.b = b;
    }

    int u16(String what) throws NdrException {
        need(2, what);
        int v = (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    byte[] bytes(int count, String what) throws NdrException {
        need(count, what);
        byte[] out = new byte[count];
        System.arraycopy(b, pos, out, 0, count);
        pos += count;
        return out;
    }

    void expectEnd() throws NdrException {
        if (pos != b.length) {
            throw NdrException.mismatch("bytes after the tower's floors", 0, b.length - pos);
        }
    }

    private void need(int count, String what) throws NdrException {
        if (count > b.length - pos) {
            throw NdrException.mismatch(what, count + " bytes", (b.length - pos) + " left");
        }
    }
}
