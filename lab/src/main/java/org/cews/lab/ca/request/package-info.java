/**
 * Decoding of the request blob ([MS-WCCE] 2.2.2.6, 3.2.1.4.2.1.4): PKCS#10, CMS over PKCS#10 and
 * CMC, their signatures, attributes, template identifiers and renewal certificates. Hostile bytes
 * end as {@link org.cews.lab.ca.request.RequestRejected} with an HRESULT, never as another
 * exception.
 */
package org.cews.lab.ca.request;
