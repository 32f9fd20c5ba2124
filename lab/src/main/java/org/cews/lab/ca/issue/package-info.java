/**
 * The CA identity, certificate signing with Bouncy Castle ([MS-WCCE] 3.2.1.4.2.1.4.7-8) and the
 * certs-only and CMC full response shapes.
 */
package org.cews.lab.ca.issue;
