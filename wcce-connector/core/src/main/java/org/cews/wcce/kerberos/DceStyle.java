package org.cews.wcce.kerberos;

import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.crypto.ChecksumType;
import org.cews.wcce.kerberos.gss.GssChecksum;
import org.cews.wcce.kerberos.gss.GssFlag;
import org.cews.wcce.kerberos.messages.Checksum;
import org.cews.wcce.msrpce.RpcSecurityException;

/**
 * The acceptor's check that the client asked for DCE style ([MS-KILE] 3.4.5.1): without
 * GSS_C_DCE_STYLE in the 0x8003 checksum there is no third leg, and Samba then cannot seal at all
 * (docs/RPC-KERBEROS.md §W3.1, §W4 pitfall 1).
 */
public final class DceStyle {

    private DceStyle() {}

    public static GssChecksum require(Checksum checksum) throws RpcSecurityException, DerException {
        if (checksum == null) {
            throw new RpcSecurityException("authenticator cksum (expected: 0x8003 with DCE_STYLE, actual: absent)");
        }
        if (!checksum.type().equals(ChecksumType.GSS_API)) {
            throw new RpcSecurityException(
                    "authenticator cksumtype (expected: 0x8003, actual: " + checksum.type() + ")");
        }
        GssChecksum gss = GssChecksum.decode(checksum.value());
        if (!GssFlag.DCE_STYLE.isSet(gss.flags())) {
            throw new RpcSecurityException(
                    String.format("GSS checksum flags (expected: DCE_STYLE 0x1000 set, actual: 0x%08x)", gss.flags()));
        }
        return gss;
    }
}
