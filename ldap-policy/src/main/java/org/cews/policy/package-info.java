/**
 * The enrollment policy that Active Directory holds: certificate templates, enterprise CAs and
 * OIDs from the Configuration partition, evaluated for one caller. Not written yet (issue
 * "ldap-policy"); JDK and UnboundID only, no {@code jakarta.*}.
 */
package org.cews.policy;
