package org.cews.policy.acl;

/**
 * The outcome of one control-access check and why ([MS-ADTS] 5.1.3.3.4): which ACE decided, or
 * that the DACL was NULL, empty, or had no ACE for the caller. The "explain" feature reads this.
 */
public sealed interface Decision {

    ControlAccessRight right();

    boolean granted();

    /** One line for an administrator. */
    String explain();

    /** How an ACE came to apply to the right. */
    enum Basis {
        /** An object ACE whose ObjectType is the right's GUID. */
        OBJECT_TYPE,
        /** An object ACE without ObjectType and with CR: all extended rights. */
        ALL_EXTENDED_RIGHTS,
        /** A plain allow/deny ACE with CR in its mask ([MS-CRTD] 2.5.1, second form). */
        CONTROL_ACCESS,
        /** A plain or object ACE with GENERIC_ALL, taken defensively as including CR. */
        GENERIC_ALL
    }

    /** No DACL (DACL_PRESENT clear or offset 0): everything is granted. */
    record NullDacl(ControlAccessRight right) implements Decision {
        @Override
        public boolean granted() {
            return true;
        }

        @Override
        public String explain() {
            return right.name() + " granted: the security descriptor has no DACL";
        }
    }

    /** A DACL with no ACE: nothing is granted. */
    record EmptyDacl(ControlAccessRight right) implements Decision {
        @Override
        public boolean granted() {
            return false;
        }

        @Override
        public String explain() {
            return right.name() + " denied: the DACL is empty";
        }
    }

    /** The first ACE that applied to the caller and the right decided. */
    record ByAce(ControlAccessRight right, boolean granted, int index, Ace ace, Sid trustee, Basis basis)
            implements Decision {
        @Override
        public String explain() {
            return right.name() + (granted ? " granted" : " denied") + " by ACE #" + index + " (" + ace.type() + ", "
                    + basis + ") for " + trustee;
        }
    }

    /** The end of the DACL was reached with no ACE for the caller and the right: denied. */
    record NoMatch(ControlAccessRight right, int aceCount) implements Decision {
        @Override
        public boolean granted() {
            return false;
        }

        @Override
        public String explain() {
            return right.name() + " denied: none of the " + aceCount + " ACEs applies to the caller";
        }
    }
}
