package org.cews.cep.xcep;

/** [MS-XCEP] 2.2.1 namespace and 3.1.4.1 GetPolicies actions. */
public final class Xcep {

    public static final String NS = "http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy";
    /** [MS-XCEP] 3.1.4.1: the input action of IPolicy/GetPolicies. */
    public static final String GET_POLICIES_ACTION = NS + "/IPolicy/GetPolicies";
    /** [MS-XCEP] 3.1.4.1: the output action. */
    public static final String GET_POLICIES_RESPONSE_ACTION = NS + "/IPolicy/GetPoliciesResponse";

    private Xcep() {}
}
