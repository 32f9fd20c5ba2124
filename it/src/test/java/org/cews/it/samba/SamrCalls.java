package org.cews.it.samba;

import java.util.UUID;
import org.cews.wcce.msrpce.SyntaxId;
import org.cews.wcce.ndr.NdrWriter;

/**
 * A few [MS-SAMR] calls, enough to exercise the connector's security layer against Samba's RPC
 * server (Samba serves SAMR over ncacn_ip_tcp; it refuses lsarpc there). Test-only: the product
 * never speaks SAMR.
 */
final class SamrCalls {

    /** [MS-SAMR] 1.9: 12345778-1234-abcd-ef00-0123456789ac v1.0. */
    static final SyntaxId SAMR = new SyntaxId(UUID.fromString("12345778-1234-abcd-ef00-0123456789ac"), 1, 0);

    static final int SAMR_CLOSE_HANDLE = 1;
    static final int SAMR_ENUMERATE_DOMAINS_IN_SAM_SERVER = 6;
    static final int SAMR_CONNECT2 = 57;
    static final int MAXIMUM_ALLOWED = 0x02000000;

    private SamrCalls() {}

    /**
     * [MS-SAMR] 3.1.5.1.3 SamrConnect2: {@code [in,unique,string] wchar_t *ServerName,
     * [out] SAMPR_HANDLE *ServerHandle, [in] unsigned long DesiredAccess}.
     */
    static byte[] connect2(String serverName) {
        NdrWriter w = new NdrWriter();
        w.uniquePointer(serverName == null ? null : x -> x.conformantVaryingString(serverName));
        w.flushDeferred();
        w.u32(MAXIMUM_ALLOWED);
        return w.toByteArray();
    }

    /**
     * [MS-SAMR] 3.1.5.2.1 SamrEnumerateDomainsInSamServer: handle, {@code [in,out] unsigned long
     * *EnumerationContext}, {@code [in] unsigned long PreferedMaximumLength}.
     */
    static byte[] enumerateDomains(byte[] serverHandle) {
        return new NdrWriter().bytes(serverHandle).u32(0).u32(0xFFFF).toByteArray();
    }

    /** [MS-SAMR] 3.1.5.13.1 SamrCloseHandle: {@code [in,out] SAMPR_HANDLE *SamHandle}. */
    static byte[] closeHandle(byte[] handle) {
        return new NdrWriter().bytes(handle).toByteArray();
    }

    /** The NTSTATUS every SAMR call returns last. */
    static int status(byte[] responseStub) {
        int n = responseStub.length;
        return (responseStub[n - 4] & 0xFF)
                | (responseStub[n - 3] & 0xFF) << 8
                | (responseStub[n - 2] & 0xFF) << 16
                | (responseStub[n - 1] & 0xFF) << 24;
    }
}
