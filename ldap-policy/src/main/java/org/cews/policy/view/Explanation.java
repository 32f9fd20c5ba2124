package org.cews.policy.view;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cews.policy.acl.Decision;
import org.cews.policy.model.Oid;

/**
 * Why one template is or is not in one requester's view, and a sentence saying so to an
 * administrator. The checks run in this order and the first that fails is the answer: the
 * template exists and decodes, a CA publishes it ([MS-WCCE] 3.2.2.6.2.1.4.7), one of those CAs can
 * be offered (a CES URI and a certificate, [MS-XCEP] 3.1.4.1.3.2), key-based renewal in that mode,
 * the version and OID filters ([MS-XCEP] 3.1.4.1.3.22), then Enroll ([MS-CRTD] 2.5.1) unless in
 * key-based-renewal mode. The view offers exactly the templates explained as {@link Offered}.
 */
public sealed interface Explanation {

    /** The template's cn, or the name asked about when there is no such template. */
    String template();

    String sentence();

    default boolean offered() {
        return this instanceof Offered;
    }

    /** In the view, with this permission, from these CAs; {@code reason} says why Enroll holds. */
    record Offered(String template, String caller, Permission permission, List<String> cas, String reason)
            implements Explanation {
        @Override
        public String sentence() {
            String from = " from " + String.join(", ", cas) + ": ";
            if (permission.acl().isEmpty()) {
                return caller + " is offered " + template + " for key-based renewal" + from + reason;
            }
            String what = permission.autoEnroll() ? " may enroll and autoenroll for " : " may enroll for ";
            return caller + what + template + from + reason;
        }
    }

    /** No template with this cn, display name or OID. */
    record NotFound(String template, String configurationNc) implements Explanation {
        @Override
        public String sentence() {
            return "there is no certificate template named " + template + " under CN=Certificate Templates,"
                    + "CN=Public Key Services,CN=Services," + configurationNc;
        }
    }

    /** The template object exists but could not be decoded, so it is offered to nobody. */
    record Undecodable(String template, String problem) implements Explanation {
        @Override
        public String sentence() {
            return template + " is offered to nobody: its directory object could not be read: " + problem;
        }
    }

    /** No pKIEnrollmentService lists the template in certificateTemplates. */
    record NotPublished(String template, List<String> cas) implements Explanation {
        @Override
        public String sentence() {
            return template + " is not published by any enterprise CA: "
                    + (cas.isEmpty()
                            ? "the forest has no pKIEnrollmentService object"
                            : "the certificateTemplates of " + String.join(", ", cas) + " do not list it");
        }
    }

    /** Every CA that publishes the template lacks what XCEP needs to offer it; one reason per CA. */
    record NoUsableCa(String template, List<String> problems) implements Explanation {
        @Override
        public String sentence() {
            return template + " cannot be offered: every CA that publishes it is unusable: "
                    + String.join("; ", problems);
        }
    }

    /** Key-based-renewal mode, and the template does not allow it ([MS-CRTD] 2.26 0x00010000). */
    record NotKeyBasedRenewal(String template, int enrollmentFlags) implements Explanation {
        @Override
        public String sentence() {
            return template + " is not offered on the key-based-renewal endpoint: its msPKI-Enrollment-Flag "
                    + String.format("0x%08x", enrollmentFlags)
                    + " lacks CT_FLAG_ALLOW_PREVIOUS_APPROVAL_KEYBASEDRENEWAL_VALIDATE_REENROLLMENT (0x00010000)";
        }
    }

    /** The template needs a newer client than the request's clientVersion. */
    record ClientVersionFiltered(String template, int required, int requested) implements Explanation {
        @Override
        public String sentence() {
            return template + " is filtered out by the request: it needs client version " + required + " ("
                    + Versions.client(required) + ") and the request's clientVersion is " + requested + " ("
                    + Versions.client(requested) + ")";
        }
    }

    /** The template needs a newer CA than the request's serverVersion. */
    record ServerVersionFiltered(String template, int required, int requested) implements Explanation {
        @Override
        public String sentence() {
            return template + " is filtered out by the request: it needs CA version " + required + " ("
                    + Versions.server(required) + ") and the request's serverVersion is " + requested + " ("
                    + Versions.server(requested) + ")";
        }
    }

    /** The request lists policy OIDs and the template's OID is not among them. */
    record PolicyOidFiltered(String template, Optional<Oid> templateOid, Set<Oid> requested) implements Explanation {
        @Override
        public String sentence() {
            return template + " is filtered out by the request: its OID "
                    + templateOid.map(Oid::toString).orElse("(none)") + " is not among the requested "
                    + requested.stream().map(Oid::toString).sorted().collect(Collectors.joining(", "));
        }
    }

    /** The requester has no account (a certificate that maps to none), outside key-based renewal. */
    record NoAccount(String template, String caller) implements Explanation {
        @Override
        public String sentence() {
            return caller + " maps to no account, so Enroll on " + template
                    + " cannot be checked; such callers get only the key-based-renewal view";
        }
    }

    /** The directory returned no nTSecurityDescriptor, so Enroll cannot be evaluated. */
    record NoSecurityDescriptor(String template) implements Explanation {
        @Override
        public String sentence() {
            return template + " is offered to nobody: the directory returned no nTSecurityDescriptor for it (was"
                    + " the SD flags control honoured, may the reading account read the template?)";
        }
    }

    /** The template's DACL does not grant Enroll to the requester. */
    record NoEnrollRight(String template, String caller, Decision decision, String reason) implements Explanation {
        @Override
        public String sentence() {
            return caller + " may not enroll for " + template + ": " + reason;
        }
    }
}
