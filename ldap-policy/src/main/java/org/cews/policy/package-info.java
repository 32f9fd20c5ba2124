/**
 * The enrollment policy that Active Directory holds: certificate templates, enterprise CAs and
 * OIDs from the Configuration partition, evaluated for one caller. JDK and UnboundID only, no
 * {@code jakarta.*}.
 *
 * <ul>
 *   <li>{@code org.cews.policy.acl}: SIDs, ACEs, ACLs, security descriptors ([MS-DTYP] 2.4) and the
 *       Enroll/AutoEnroll check ([MS-ADTS] 5.1.3.3.4, [MS-CRTD] 2.5);
 *   <li>{@code org.cews.policy.model}: templates, enrollment services and enterprise OIDs with their
 *       flags ([MS-CRTD] 2), decoded from any {@code AttributeSource};
 *   <li>{@code org.cews.policy.ldap}: the UnboundID reader (rootDSE, paged searches, SD flags
 *       control, tokenGroups, failover, timeouts, LDAPS/StartTLS);
 *   <li>{@code org.cews.policy.view}: the policy view of one requester for one request ([MS-XCEP]
 *       3.1.4.1) and "explain";
 *   <li>{@code org.cews.policy.cache}: the last good snapshot, refreshed in the background.
 * </ul>
 *
 * The LDIF fixtures of the lab forest live in the lab-forest module, under
 * {@code org/cews/policy/fixtures/} (see its README); this jar does not carry them.
 */
package org.cews.policy;
