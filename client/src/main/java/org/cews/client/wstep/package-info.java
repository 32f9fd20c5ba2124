/**
 * [MS-WSTEP] RequestSecurityToken: the Issue and QueryTokenStatus writer, the RSTRC reader (issued,
 * pending), faults with CertificateEnrollmentWSDetail and the HRESULT table.
 */
package org.cews.client.wstep;
