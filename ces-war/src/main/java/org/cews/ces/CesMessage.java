package org.cews.ces;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * Every log and exception message of the CES web application, each with its typed ID (Elytron
 * style: operators search for {@code CES0304}). Ranges: CES01xx reading the WSTEP request
 * ({@code wstep}), CES02xx inspecting the certificate request ({@code pki}), CES03xx enrollment
 * decisions and the CA ({@code service}), CES04xx configuration. Patterns are {@link MessageFormat}
 * patterns; they carry no apostrophes.
 */
public enum CesMessage {
    CES0101("the SOAP body holds {0}, not wst:RequestSecurityToken"),
    CES0102("RequestType is missing or empty ([MS-WSTEP] 3.1.4.2.1)"),
    CES0103("RequestType {0} is not Issue, QueryTokenStatus or KET ([MS-WSTEP] 3.1.4.1.2.7)"),
    CES0104("TokenType {0} is not supported (expected: X509v3, [MS-WSTEP] 3.1.4.1.2.8)"),
    CES0105("an Issue request needs a BinarySecurityToken holding the certificate request ([MS-WSTEP] 3.1.4.2.1.1)"),
    CES0106("The EncodingType is invalid (expected: base64binary, actual: {0})"),
    CES0107("the BinarySecurityToken is not base64: {0}"),
    CES0108("{0} is too long (limit: {1} characters)"),
    CES0109("QueryTokenStatus needs a RequestID ([MS-WSTEP] 3.1.4.2.1.2)"),
    CES0110("AdditionalContext holds too many items (limit: {0})"),
    CES0111("a ContextItem has no Name attribute"),
    CES0112("the request XML cannot be read: {0}"),
    CES0113("a KET request needs wst:RequestKET ([MS-WSTEP] 3.1.4.2.2.1)"),

    CES0201("the certificate request is too large (limit: {0} bytes, actual: {1})"),
    CES0202("the certificate request is nested too deeply (limit: {0} levels)"),
    CES0203("the certificate request is not DER at offset {0}: {1}"),
    CES0204("the certificate request is neither PKCS#10, CMS around a PKCS#10 nor CMC: {0}"),
    CES0205("the PKCS#10 signature does not verify with its own public key (proof of possession)"),
    CES0206("no signature of the CMS/CMC request verifies with the requested public key, and the PKCS#10 inside"
            + " carries no valid signature of its own (proof of possession, [MS-WCCE] 2.2.2.6.5)"),
    CES0207("the CMS/CMC request carries no signer ([MS-WCCE] 3.2.1.4.2.1.4.1.2)"),
    CES0208("the CMC request must carry exactly one PKCS#10 (actual: {0}, [MS-WCCE] 3.2.1.4.2.1.4.1.3)"),
    CES0209("the key has {0} bits; template {1} requires at least {2}"),
    CES0210("the key algorithm {0} is not supported"),
    CES0211("the renewal certificate attribute does not name a certificate of the CMS ([MS-WCCE] 3.2.1.4.2.1.4.2)"),
    CES0212("the renewal is not signed with the key of the certificate being renewed ({0})"),
    CES0213("the certificate being renewed was not issued by a trusted CA (issuer: {0})"),
    CES0214("the certificate being renewed is not valid now (valid {0} to {1}, grace {2})"),
    CES0215("the renewal asks for template {0}; the certificate being renewed is of template {1}"),
    CES0216("key-based renewal: the renewal is not signed by the TLS client certificate"),
    CES0217("key-based renewal: template {0} does not allow it (msPKI-Enrollment-Flag lacks 0x00010000)"),
    CES0218("this endpoint accepts renewals only (key-based renewal); the request is a new request"),
    CES0219("the template extension {0} cannot be read: {1}"),
    CES0220("the certificate being renewed names no template"),

    CES0301("the request names no certificate template"),
    CES0302("there is no certificate template {0}"),
    CES0303("template {0} is not published by CA {1}"),
    CES0304("{0} may not enroll for {1}: {2}"),
    CES0305("key exchange (KET, key archival) is not supported by this CES"),
    CES0306("the pending request reference is missing or not valid: {0}"),
    CES0307("pending request {0} at CA {1} belongs to another caller"),
    CES0308("RequestID {0} is not a positive integer"),
    CES0309("CA {0} denied the request: {1}"),
    CES0310("the CA cannot be reached now; the client should retry: {0}"),
    CES0311("the enrollment policy cannot be read from the directory now; the client should retry: {0}"),
    CES0312("the CA connector failed: {0}"),
    CES0313("{0} maps to no directory account; this endpoint accepts only key-based renewal from it"),
    CES0314("the CA answered with a certificate that cannot be read: {0}"),
    CES0315("closing a CA connection failed, the answer stands: {0}"),
    CES0316("the request reached the CES without the URL it was posted to"),
    CES0390("caller={0} auth={1} template={2} ca={3} requestId={4} disposition={5} hresult={6} correlation={7}"
            + " detail={8}"),

    CES0401("configuration property {0} is not valid: {1}"),
    CES0402("no pending-reference key is configured (cews.ces.pendingKeyFile or cews.ces.pendingKey): a random key"
            + " signs them, so references to pending requests do not survive a restart and no other node accepts"
            + " them");

    private final String pattern;

    CesMessage(String pattern) {
        this.pattern = pattern;
    }

    /** The ID, a space and the message with {@code args} filled in. */
    public String format(Object... args) {
        return name() + " " + text(args);
    }

    /** The message without its ID, for a SOAP fault reason a person reads. Numbers print plain. */
    public String text(Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number n ? n.toString() : args[i];
        }
        return new MessageFormat(pattern, Locale.ROOT).format(plain);
    }
}
