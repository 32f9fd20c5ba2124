package org.cews.policy.acl;

/**
 * Well-known SIDs and domain RIDs of [MS-DTYP] 2.4.2.4 that enrollment decisions meet. Domain
 * groups are {@code domainSid.withRid(RID)}.
 */
public final class WellKnownSids {

    public static final Sid EVERYONE = Sid.of(1, 0);
    public static final Sid CREATOR_OWNER = Sid.of(3, 0);
    public static final Sid NETWORK = Sid.of(5, 2);
    public static final Sid ANONYMOUS = Sid.of(5, 7);
    public static final Sid ENTERPRISE_DOMAIN_CONTROLLERS = Sid.of(5, 9);
    public static final Sid PRINCIPAL_SELF = Sid.of(5, 10);
    public static final Sid AUTHENTICATED_USERS = Sid.of(5, 11);
    public static final Sid THIS_ORGANIZATION = Sid.of(5, 15);
    public static final Sid LOCAL_SYSTEM = Sid.of(5, 18);
    public static final Sid BUILTIN_ADMINISTRATORS = Sid.of(5, 32, 544);
    public static final Sid BUILTIN_USERS = Sid.of(5, 32, 545);

    public static final int RID_ADMINISTRATOR = 500;
    public static final int RID_DOMAIN_ADMINS = 512;
    public static final int RID_DOMAIN_USERS = 513;
    public static final int RID_DOMAIN_GUESTS = 514;
    public static final int RID_DOMAIN_COMPUTERS = 515;
    public static final int RID_DOMAIN_CONTROLLERS = 516;
    public static final int RID_CERT_PUBLISHERS = 517;
    public static final int RID_SCHEMA_ADMINS = 518;
    public static final int RID_ENTERPRISE_ADMINS = 519;

    private WellKnownSids() {}
}
