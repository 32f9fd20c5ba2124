package org.cews.it.samba;

import java.util.Arrays;
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
    static final int SAMR_LOOKUP_DOMAIN_IN_SAM_SERVER = 5;
    static final int SAMR_OPEN_DOMAIN = 7;
    static final int SAMR_CREATE_USER2_IN_DOMAIN = 50;
    static final int SAMR_CONNECT2 = 57;
    static final int DOMAIN_ALL_ACCESS = 0x000F07FF;
    static final int USER_NORMAL_ACCOUNT = 0x00000010;
    static final int USER_ALL_ACCESS = 0x000F07FF;
    static final int STATUS_ACCESS_DENIED = 0xC0000022;
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

    /**
     * [MS-SAMR] 3.1.5.11.1 SamrLookupDomainInSamServer: handle, {@code [in] PRPC_UNICODE_STRING
     * Name}; the answer is {@code [out] PRPC_SID *DomainId} then the status.
     */
    static byte[] lookupDomain(byte[] serverHandle, String name) {
        NdrWriter w = new NdrWriter().bytes(serverHandle);
        unicodeString(w, name);
        return w.toByteArray();
    }

    /**
     * The RPC_SID of a SamrLookupDomainInSamServer answer, as the conformant structure it travels
     * as (max_count, then the SID): exactly what SamrOpenDomain takes.
     */
    static byte[] domainSid(byte[] lookupAnswer) {
        // referent id (4) | max_count (4) | revision, count, authority (8) | count * 4 | status (4)
        int subAuthorities = lookupAnswer[9] & 0xFF;
        return Arrays.copyOfRange(lookupAnswer, 4, 4 + 4 + 8 + 4 * subAuthorities);
    }

    /** [MS-SAMR] 3.1.5.1.5 SamrOpenDomain: handle, DesiredAccess, {@code [in] PRPC_SID DomainId}. */
    static byte[] openDomain(byte[] serverHandle, byte[] conformantSid) {
        return new NdrWriter()
                .bytes(serverHandle)
                .u32(DOMAIN_ALL_ACCESS)
                .bytes(conformantSid)
                .toByteArray();
    }

    /**
     * [MS-SAMR] 3.1.5.4.4 SamrCreateUser2InDomain: domain handle, {@code PRPC_UNICODE_STRING Name},
     * AccountType, DesiredAccess; the answer ends with the status (STATUS_ACCESS_DENIED when the
     * caller may not create users).
     */
    static byte[] createUser2(byte[] domainHandle, String name) {
        NdrWriter w = new NdrWriter().bytes(domainHandle);
        unicodeString(w, name);
        return w.u32(USER_NORMAL_ACCOUNT).u32(USER_ALL_ACCESS).toByteArray();
    }

    /** [MS-DTYP] 2.3.10 RPC_UNICODE_STRING, its buffer deferred right after it (no NUL). */
    private static void unicodeString(NdrWriter w, String s) {
        byte[] chars = s.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        w.u16(chars.length).u16(chars.length);
        w.uniquePointer(x ->
                x.conformantVaryingHeader(chars.length / 2, chars.length / 2).bytes(chars));
        w.flushDeferred();
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
