package org.cews.lab.ca.store;

/**
 * The Request_Disposition values of a row ([MS-WCCE] 3.2.1.4.2.1.3, [MS-CSRA] 3.1.1.1.1) that the
 * lab CA produces; foreign and revoked certificates do not occur.
 */
public enum RequestStatus {
    /** "request pending": waiting for an officer. */
    PENDING,
    /** "certificate issued". */
    ISSUED,
    /** "request denied": by the policy algorithm or by an officer. */
    DENIED,
    /** "request failed": the request could not be processed (parse errors, directory errors). */
    FAILED
}
