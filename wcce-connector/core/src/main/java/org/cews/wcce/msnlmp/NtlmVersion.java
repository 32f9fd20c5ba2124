package org.cews.wcce.msnlmp;

/**
 * The VERSION structure ([MS-NLMP] 2.2.2.10): for debugging only, never acted on. The three
 * reserved bytes are written as zero and ignored on read.
 */
public record NtlmVersion(int major, int minor, int build, int revision) {

    /** NTLMSSP_REVISION_W2K3. */
    public static final int REVISION_W2K3 = 0x0F;

    /** What the client sends: Windows 10.0 build 19041, as in the NEGOTIATE Samba accepted. */
    public static final NtlmVersion CLIENT = new NtlmVersion(10, 0, 19041, REVISION_W2K3);

    /** What the lab server sends: Windows Server 2022, 10.0 build 20348. */
    public static final NtlmVersion SERVER = new NtlmVersion(10, 0, 20348, REVISION_W2K3);

    static final int LENGTH = 8;

    static NtlmVersion read(byte[] b, int off) {
        return new NtlmVersion(b[off] & 0xFF, b[off + 1] & 0xFF, LittleEndian.u16(b, off + 2), b[off + 7] & 0xFF);
    }

    byte[] toBytes() {
        byte[] b = new byte[LENGTH];
        b[0] = (byte) major;
        b[1] = (byte) minor;
        LittleEndian.putU16(b, 2, build);
        b[7] = (byte) revision;
        return b;
    }
}
