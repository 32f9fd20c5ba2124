package org.cews.policy.ldap;

import com.unboundid.asn1.ASN1Integer;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.asn1.ASN1Sequence;
import com.unboundid.ldap.sdk.Control;

/** Active Directory request controls this reader sends. */
public final class AdControls {

    /** LDAP_SERVER_SD_FLAGS_OID ([MS-ADTS] 3.1.1.3.4.1.11). */
    public static final String SD_FLAGS_OID = "1.2.840.113556.1.4.801";

    public static final int OWNER_SECURITY_INFORMATION = 0x1;
    public static final int GROUP_SECURITY_INFORMATION = 0x2;
    public static final int DACL_SECURITY_INFORMATION = 0x4;
    public static final int SACL_SECURITY_INFORMATION = 0x8;

    private AdControls() {}

    /**
     * The SD flags control, critical, value {@code SEQUENCE { INTEGER flags }}. Owner, group and
     * DACL ({@code 30 03 02 01 07}) is what an ordinary account may read; without the control the
     * DC asks for the SACL too and such an account gets no descriptor at all (docs/CA-RPC-AD.md §6.2).
     */
    public static Control sdFlags(int flags) {
        byte[] value = new ASN1Sequence(new ASN1Integer(flags)).encode();
        return new Control(SD_FLAGS_OID, true, new ASN1OctetString(value));
    }

    /** Owner, group and DACL. */
    public static Control sdFlagsOwnerGroupDacl() {
        return sdFlags(OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION);
    }
}
