/**
 * The enterprise CA policy algorithm ([MS-WCCE] 3.2.2.6.2.1.4) over ldap-policy's template model
 * and access evaluator: template identification, permissions, renewal, RA signatures, keys, names
 * and extensions.
 */
package org.cews.lab.ca.policy;
