package org.cews.soap.service;

/** The two web services and what their paths end with (Microsoft's URL shapes, docs/adr/0001). */
public enum Service {
    /** [MS-XCEP] GetPolicies. */
    CEP("/service.svc/CEP", "Certificate Enrollment Policy Web Service (MS-XCEP GetPolicies)"),
    /** [MS-WSTEP] RequestSecurityToken. */
    CES("/service.svc/CES", "Certificate Enrollment Web Service (MS-WSTEP RequestSecurityToken)");

    private final String suffix;
    private final String title;

    Service(String suffix, String title) {
        this.suffix = suffix;
        this.title = title;
    }

    /** What follows the endpoint name in every URL of the service. */
    public String suffix() {
        return suffix;
    }

    /** One line naming the service and its protocol, for the reachability page. */
    public String title() {
        return title;
    }
}
