package org.cews.cep;

import org.cews.soap.MessagePattern;

/**
 * Every log and exception message of the CEP web application, with its typed ID (one registry
 * per module). {@link #format} puts the ID in front. No pattern contains an
 * apostrophe (quoting, which {@link MessagePattern} refuses).
 */
public enum CepMessages {
    /** Body's first element is not GetPolicies. */
    CEP0101("the Body holds {0}, not a GetPolicies element of {1}"),
    /** The client element is missing, nil or empty. */
    CEP0102("GetPolicies needs a client element with lastUpdate and preferredLanguage ([MS-XCEP] 3.1.4.1.2.1);"
            + " the request has {0}"),
    /** A number in the request filter is not an xs:int. */
    CEP0103("requestFilter/{0} must be a whole number or xsi:nil (actual: \"{1}\")"),
    /** An OID in the request filter is not an OID. */
    CEP0104("requestFilter/policyOIDs/oid must be a dotted OID (actual: \"{0}\")"),
    /** The Body is empty. */
    CEP0105("the SOAP Body is empty: GetPolicies needs a GetPolicies element with a client element"),
    /** A request element that is not allowed where it is. */
    CEP0106("GetPolicies is malformed: {0}"),
    /** Audit: one line per answer. */
    CEP0201("GetPolicies answered caller={0} mode={1} endpoint={2} templates={3} cas={4} notChanged={5}"
            + " cached={6} correlation={7}"),
    /** Audit: refused request. */
    CEP0202("GetPolicies refused caller={0} mode={1} endpoint={2} correlation={3}: {4}"),
    /** Log: no policy to serve yet. */
    CEP0203("GetPolicies answered 503, correlation={0}: {1}"),
    /** A setting cannot be used. */
    CEP0301("the setting {0} has the value \"{1}\", which cannot be used ({2})"),
    /** A required setting is missing. */
    CEP0302("the setting {0} is required ({1})"),
    /** The directory runtime cannot be used. */
    CEP0303("the CEP cannot read the enrollment policy: {0}"),
    /** A template left out of the answer. */
    CEP0304("template {0} left out of the answer: it has no msPKI-Cert-Template-OID, which policyOIDReference"
            + " needs ([MS-XCEP] 3.1.4.1.3.7)"),
    /** A CES URI left out of the answer. */
    CEP0305("CES URI {0} of CA {1} left out of the answer: clientAuthentication {2} is not 1, 2, 4 or 8"
            + " ([MS-XCEP] 3.1.4.1.3.5), and cepces refuses the whole policy for one such value");

    private final MessagePattern pattern;

    CepMessages(String pattern) {
        this.pattern = new MessagePattern(pattern);
    }

    /** The pattern, for tests. */
    MessagePattern pattern() {
        return pattern;
    }

    public String format(Object... args) {
        return name() + " " + pattern.format(args);
    }
}
