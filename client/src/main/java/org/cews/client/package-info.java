/**
 * A CEP/CES client: {@code xcep} (GetPolicies, [MS-XCEP]), {@code wstep} (RequestSecurityToken,
 * [MS-WSTEP]), {@code soap} (SOAP 1.2 and WS-Addressing), {@code http} (the transport),
 * {@code auth} (Kerberos, UsernameToken, client certificates, TLS trust), {@code pki} (keys,
 * requests, renewal CMS, PEM and PKCS#12), {@code policy} (choosing endpoints as Windows does, the
 * policy cache) and {@code cli} (the {@code enroll} command). {@link org.cews.client.ClientMessage}
 * lists every message.
 */
package org.cews.client;
