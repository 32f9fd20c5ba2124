package org.cews.policy.model;

import java.util.List;

/**
 * The LDAP display names this module reads, exactly as Active Directory spells them ([MS-CRTD] 2,
 * [MS-ADSC] 2.169/2.222/2.223, docs/CA-RPC-AD.md §5), and the attribute lists each read requests.
 */
public final class AdAttributes {

    public static final String CN = "cn";
    public static final String DISPLAY_NAME = "displayName";
    public static final String FLAGS = "flags";
    public static final String REVISION = "revision";
    public static final String OBJECT_GUID = "objectGUID";
    public static final String OBJECT_SID = "objectSid";
    public static final String NT_SECURITY_DESCRIPTOR = "nTSecurityDescriptor";
    public static final String WHEN_CHANGED = "whenChanged";
    public static final String TOKEN_GROUPS = "tokenGroups";
    public static final String SAM_ACCOUNT_NAME = "sAMAccountName";

    public static final String SCHEMA_VERSION = "msPKI-Template-Schema-Version";
    public static final String MINOR_REVISION = "msPKI-Template-Minor-Revision";
    public static final String TEMPLATE_OID = "msPKI-Cert-Template-OID";
    public static final String DEFAULT_KEY_SPEC = "pKIDefaultKeySpec";
    public static final String KEY_USAGE = "pKIKeyUsage";
    public static final String MAX_ISSUING_DEPTH = "pKIMaxIssuingDepth";
    public static final String CRITICAL_EXTENSIONS = "pKICriticalExtensions";
    public static final String EXTENDED_KEY_USAGE = "pKIExtendedKeyUsage";
    public static final String DEFAULT_CSPS = "pKIDefaultCSPs";
    public static final String EXPIRATION_PERIOD = "pKIExpirationPeriod";
    public static final String OVERLAP_PERIOD = "pKIOverlapPeriod";
    public static final String NAME_FLAG = "msPKI-Certificate-Name-Flag";
    public static final String ENROLLMENT_FLAG = "msPKI-Enrollment-Flag";
    public static final String PRIVATE_KEY_FLAG = "msPKI-Private-Key-Flag";
    public static final String MINIMAL_KEY_SIZE = "msPKI-Minimal-Key-Size";
    public static final String RA_SIGNATURE = "msPKI-RA-Signature";
    public static final String RA_POLICIES = "msPKI-RA-Policies";
    public static final String RA_APPLICATION_POLICIES = "msPKI-RA-Application-Policies";
    public static final String APPLICATION_POLICY = "msPKI-Certificate-Application-Policy";
    public static final String CERTIFICATE_POLICY = "msPKI-Certificate-Policy";
    public static final String SUPERSEDE_TEMPLATES = "msPKI-Supersede-Templates";

    public static final String DNS_HOST_NAME = "dNSHostName";
    public static final String CA_CERTIFICATE = "cACertificate";
    public static final String CERTIFICATE_TEMPLATES = "certificateTemplates";
    public static final String ENROLLMENT_SERVERS = "msPKI-Enrollment-Servers";
    public static final String SITE_NAME = "msPKI-Site-Name";

    public static final String OID_LOCALIZED_NAME = "msPKI-OIDLocalizedName";
    public static final String OID_CPS = "msPKI-OID-CPS";
    public static final String OID_TO_GROUP_LINK = "msDS-OIDToGroupLink";

    public static final List<String> TEMPLATE = List.of(
            CN,
            DISPLAY_NAME,
            FLAGS,
            REVISION,
            OBJECT_GUID,
            WHEN_CHANGED,
            NT_SECURITY_DESCRIPTOR,
            SCHEMA_VERSION,
            MINOR_REVISION,
            TEMPLATE_OID,
            DEFAULT_KEY_SPEC,
            KEY_USAGE,
            MAX_ISSUING_DEPTH,
            CRITICAL_EXTENSIONS,
            EXTENDED_KEY_USAGE,
            DEFAULT_CSPS,
            EXPIRATION_PERIOD,
            OVERLAP_PERIOD,
            NAME_FLAG,
            ENROLLMENT_FLAG,
            PRIVATE_KEY_FLAG,
            MINIMAL_KEY_SIZE,
            RA_SIGNATURE,
            RA_POLICIES,
            RA_APPLICATION_POLICIES,
            APPLICATION_POLICY,
            CERTIFICATE_POLICY,
            SUPERSEDE_TEMPLATES);

    public static final List<String> ENROLLMENT_SERVICE = List.of(
            CN,
            DISPLAY_NAME,
            DNS_HOST_NAME,
            CA_CERTIFICATE,
            CERTIFICATE_TEMPLATES,
            ENROLLMENT_SERVERS,
            SITE_NAME,
            FLAGS,
            OBJECT_GUID,
            WHEN_CHANGED,
            NT_SECURITY_DESCRIPTOR);

    public static final List<String> ENTERPRISE_OID = List.of(
            CN, FLAGS, TEMPLATE_OID, DISPLAY_NAME, OID_LOCALIZED_NAME, OID_CPS, OID_TO_GROUP_LINK, WHEN_CHANGED);

    private AdAttributes() {}
}
