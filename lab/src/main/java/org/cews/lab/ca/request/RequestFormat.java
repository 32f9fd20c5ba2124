package org.cews.lab.ca.request;

/** [MS-WCCE] 2.2.2.6: the request formats the lab CA takes (KEYGEN is refused). */
public enum RequestFormat {
    /** [MS-WCCE] 2.2.2.6.1 a bare PKCS#10. */
    PKCS10,
    /** [MS-WCCE] 2.2.2.6.2 CMS SignedData with id-data eContent holding a PKCS#10. */
    CMS_PKCS10,
    /** [MS-WCCE] 2.2.2.6.3 CMS SignedData with id-cct-PKIData eContent (CMC) holding a PKCS#10. */
    CMS_CMC
}
