/**
 * Connection-oriented DCE/RPC ([MS-RPCE] 2.2.2, 3.3; C706 chapter 12) over a byte stream: the PDU
 * codec, fragmentation and reassembly at RPC_C_AUTHN_LEVEL_PKT_PRIVACY, the client association
 * ({@link org.cews.wcce.msrpce.RpcClientAssociation}) and the lab's server
 * ({@link org.cews.wcce.msrpce.RpcServer}). Security providers plug in through
 * {@link org.cews.wcce.msrpce.ClientSecurityContext}, {@link org.cews.wcce.msrpce.ServerSecurityContext}
 * and {@link org.cews.wcce.msrpce.PduProtection}; this package never touches the network itself.
 *
 * <pre>
 *   try (RpcClientAssociation icpr = RpcClientAssociation.bind(tcpChannel, ICPR_SYNTAX, ntlmContext, RpcLimits.DEFAULT)) {
 *       byte[] responseStub = icpr.call(0, requestStub);   // CertServerRequest, NDR in and out
 *   }
 * </pre>
 */
package org.cews.wcce.msrpce;
