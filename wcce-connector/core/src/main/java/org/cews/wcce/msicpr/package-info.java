/**
 * [MS-ICPR] ICertPassage: the one call, CertServerRequest (opnum 0), that submits a certificate
 * request to a CA or retrieves a pending one, as NDR 2.0 stubs (client side: encode the request,
 * decode the response; the lab CA emulator does the reverse). The wire structs and codes come
 * from [MS-WCCE] 2.2.2.2 and 3.2.1.4.2.1, to which [MS-ICPR] 3.2.4.1.1 defers.
 */
package org.cews.wcce.msicpr;
