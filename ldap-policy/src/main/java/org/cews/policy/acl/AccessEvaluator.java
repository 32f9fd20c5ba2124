package org.cews.policy.acl;

import java.util.List;
import java.util.Optional;

/**
 * Decides a control access right ([MS-ADTS] 5.1.3.3.4 "Checking Control Access Right-Based
 * Access", with the ACE forms of [MS-CRTD] 2.5.1-2.5.2) for a caller's SIDs on a security
 * descriptor:
 *
 * <ol>
 *   <li>no DACL grants; an empty DACL denies;
 *   <li>ACEs are walked in order; INHERIT_ONLY ACEs and ACEs for SIDs the caller lacks are skipped;
 *   <li>an object allow/deny ACE with CR decides if it has no ObjectType (all extended rights) or
 *       its ObjectType is the right's GUID; one for another GUID is skipped;
 *   <li>a plain allow/deny ACE with CR decides too ([MS-CRTD] counts ACCESS_ALLOWED with CR as
 *       Enroll; the deny form is treated alike);
 *   <li>GENERIC_ALL counts as containing CR (AD stores mapped masks, but a hand-made SD may not);
 *   <li>the first deciding ACE wins; the end of the DACL denies.
 * </ol>
 *
 * Other ACE types (audit, callback, unknown) are skipped. CEP's answer is advisory: the CA repeats
 * the check with the real token (docs/CA-RPC-AD.md §6.4).
 */
public final class AccessEvaluator {

    private static final int CR = AccessRight.DS_CONTROL_ACCESS.bit();
    private static final int GA = AccessRight.GENERIC_ALL.bit();

    private AccessEvaluator() {}

    public static Decision check(SecurityDescriptor sd, CallerSids caller, ControlAccessRight right) {
        Optional<Acl> dacl = sd.dacl();
        if (dacl.isEmpty()) {
            return new Decision.NullDacl(right);
        }
        List<Ace> aces = dacl.get().aces();
        if (aces.isEmpty()) {
            return new Decision.EmptyDacl(right);
        }
        for (int i = 0; i < aces.size(); i++) {
            Ace ace = aces.get(i);
            if (ace.flags().has(AceFlag.INHERIT_ONLY_ACE)) {
                continue;
            }
            Decision decision = decide(i, ace, caller, right);
            if (decision != null) {
                return decision;
            }
        }
        return new Decision.NoMatch(right, aces.size());
    }

    /** Both template permissions at once. */
    public static TemplatePermission templatePermission(SecurityDescriptor sd, CallerSids caller) {
        return new TemplatePermission(
                check(sd, caller, ControlAccessRight.ENROLL), check(sd, caller, ControlAccessRight.AUTO_ENROLL));
    }

    private static Decision decide(int index, Ace ace, CallerSids caller, ControlAccessRight right) {
        if (ace instanceof ObjectAce o) {
            boolean allow = o.type().equals(AceType.ACCESS_ALLOWED_OBJECT);
            if (!allow && !o.type().equals(AceType.ACCESS_DENIED_OBJECT) || !caller.contains(o.sid())) {
                return null;
            }
            int mask = o.mask().value();
            if (o.objectType().isPresent() && !o.objectType().get().equals(right.guid())) {
                return null;
            }
            Decision.Basis basis;
            if ((mask & CR) != 0) {
                basis = o.objectType().isPresent() ? Decision.Basis.OBJECT_TYPE : Decision.Basis.ALL_EXTENDED_RIGHTS;
            } else if ((mask & GA) != 0) {
                basis = Decision.Basis.GENERIC_ALL;
            } else {
                return null;
            }
            return new Decision.ByAce(right, allow, index, ace, o.sid(), basis);
        }
        if (ace instanceof SimpleAce s) {
            boolean allow = s.type().equals(AceType.ACCESS_ALLOWED);
            if (!allow && !s.type().equals(AceType.ACCESS_DENIED) || !caller.contains(s.sid())) {
                return null;
            }
            int mask = s.mask().value();
            if ((mask & CR) != 0) {
                return new Decision.ByAce(right, allow, index, ace, s.sid(), Decision.Basis.CONTROL_ACCESS);
            }
            if ((mask & GA) != 0) {
                return new Decision.ByAce(right, allow, index, ace, s.sid(), Decision.Basis.GENERIC_ALL);
            }
        }
        return null;
    }
}
