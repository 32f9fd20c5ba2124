/** Reading the policy from Active Directory with UnboundID (docs/CA-RPC-AD.md §5.1, §6.2). */
package org.cews.policy.ldap;
