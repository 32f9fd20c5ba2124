package org.cews.policy.cache;

import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.ldap.PolicySnapshot;

/** Where the cache reads the policy from: in production {@code AdPolicyReader::read}. */
@FunctionalInterface
public interface PolicySource {

    PolicySnapshot read() throws DirectoryException;
}
