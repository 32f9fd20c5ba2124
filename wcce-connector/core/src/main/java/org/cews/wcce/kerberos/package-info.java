/**
 * Kerberos for DCE/RPC at packet privacy: the DCE-style three-leg AP exchange of [MS-KILE] 3.4.5.1
 * and the RFC 4121 Wrap token in the layout of [MS-KILE] 3.4.5.4.1, checked against Samba 4.17
 * (docs/RPC-KERBEROS.md). Ticket acquisition is not here: the client starts from a service ticket
 * and its session key, the server from the service's long-term keys.
 *
 * <pre>
 *   // CES, after S4U2Proxy (docs/KERBEROS-S4U.md §3b), auth_type 16 or 9:
 *   ServiceTicket ticket = ServiceTicket.from(kerberosTicket);
 *   KerberosClientContext krb = new KerberosClientContext(ticket, RandomSource.secure(), Clock.systemUTC());
 *   ClientSecurityContext context = spnego ? new SpnegoClientContext(krb) : krb;
 *
 *   // lab CA (org.cews.wcce.server.kerberos, module rpc-server):
 *   ServiceKeys keys = ServiceKeys.from(KeyTab.getInstance(file).getKeys(principal));
 *   KerberosServerContext acceptor = new KerberosServerContext(keys, RandomSource.secure(), Clock.systemUTC());
 *   ServerSecurityContext context = authType == 9 ? new SpnegoServerContext(acceptor) : acceptor;
 * </pre>
 *
 * Subpackages: {@code crypto} (RFC 3961/3962/8009), {@code asn1} (bounded DER), {@code messages}
 * (RFC 4120 §5), {@code gss} (RFC 4121 tokens, the 0x8003 checksum, SPNEGO).
 */
package org.cews.wcce.kerberos;
