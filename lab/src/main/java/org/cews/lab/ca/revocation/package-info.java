/**
 * The lab CA's revocation: an officer revokes an issued certificate with a reason ([MS-CSRA]
 * ICertAdminD::RevokeCertificate, certutil -revoke), the CA publishes a CRL ([RFC 5280] §5) at the
 * CRL distribution point its certificates name, and answers OCSP ([RFC 6960]) at the AIA OCSP URL.
 */
package org.cews.lab.ca.revocation;
