package org.cews.policy.view;

import org.cews.policy.acl.CallerSids;
import org.cews.policy.acl.Decision;
import org.cews.policy.acl.Sid;

/**
 * Turns an Enroll decision ([MS-ADTS] 5.1.3.3.4 as {@link org.cews.policy.acl.AccessEvaluator}
 * takes it) into the clause an administrator reads after "alice may (not) enroll for X: ". ACEs are
 * counted from 1, as a person counts the lines of an ACL editor.
 */
final class AclText {

    private AclText() {}

    static String clause(Decision decision, int aceCount, String caller, CallerSids sids, SidNames names) {
        if (decision instanceof Decision.ByAce ace) {
            return "ACE #" + (ace.index() + 1) + " of " + aceCount + (ace.granted() ? " allows " : " denies ")
                    + what(ace) + " to " + names.describe(ace.trustee()) + ", "
                    + membership(ace.trustee(), caller, sids);
        }
        if (decision instanceof Decision.NoMatch none) {
            return "none of its " + none.aceCount() + " ACEs allows Enroll to " + caller + " or to a group " + caller
                    + " is a member of";
        }
        if (decision instanceof Decision.EmptyDacl) {
            return "its DACL is empty, which denies everyone";
        }
        return "it has no DACL, which allows everyone";
    }

    private static String what(Decision.ByAce ace) {
        return switch (ace.basis()) {
            case OBJECT_TYPE -> "Enroll";
            case ALL_EXTENDED_RIGHTS -> "all extended rights (Enroll among them)";
            case CONTROL_ACCESS -> "control access (CR, which covers Enroll)";
            case GENERIC_ALL -> "GENERIC_ALL (which covers Enroll)";
        };
    }

    private static String membership(Sid trustee, String caller, CallerSids sids) {
        return trustee.equals(sids.user())
                ? "which is " + caller + "'s own account"
                : "which " + caller + " is a member of";
    }
}
