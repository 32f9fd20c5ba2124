package org.cews.lab;

/**
 * The names of the lab forest, as its LDIF (module lab-forest, {@code org/cews/policy/fixtures/})
 * describe it and as Windows would spell them: the AD domain {@code lab.example} (NetBIOS
 * {@code LAB}), its Kerberos realm, the CA host and the service principal names. The fixtures'
 * own {@code LabForest} constants are test code of ldap-policy; these are the lab's.
 */
public final class LabRealm {

    public static final String REALM = "LAB.EXAMPLE";
    public static final String NETBIOS_DOMAIN = "LAB";
    public static final String DNS_DOMAIN = "lab.example";
    public static final String DOMAIN_DN = "DC=lab,DC=example";
    public static final String CONFIG_NC = "CN=Configuration," + DOMAIN_DN;
    public static final String ENROLLMENT_SERVICES =
            "CN=Enrollment Services,CN=Public Key Services,CN=Services," + CONFIG_NC;

    /** The CA's host as the fixtures' pKIEnrollmentService names it (dNSHostName). */
    public static final String CA_HOST = "ca.lab.example";
    /** The CA's NetBIOS computer name, for its NTLM CHALLENGE_MESSAGE. */
    public static final String CA_NETBIOS = "CA";
    /** The service principal the RPC clients name for the CA ([MS-ICPR] over Kerberos). */
    public static final String CA_SPN = "host/" + CA_HOST;
    /**
     * The service principal of WildFly's SPNEGO mechanism. Its host differs from the CA's, so no
     * host/ SPN on another account aliases it (docs/TESTBED.md: HOST covers HTTP).
     */
    public static final String HTTP_SPN = "HTTP/localhost";

    /** The address every lab listener binds: loopback only. */
    public static final String LOOPBACK = "127.0.0.1";

    private LabRealm() {}

    /** {@code name@LAB.EXAMPLE}. */
    public static String principal(String name) {
        return name + "@" + REALM;
    }
}
