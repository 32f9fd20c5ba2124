/**
 * Connection-oriented DCE/RPC ([MS-RPCE] 2.2.2, 3.3; C706 chapter 12) over a byte stream: the PDU
 * codec, fragmentation and reassembly at RPC_C_AUTHN_LEVEL_PKT_PRIVACY and the client association
 * ({@link org.cews.wcce.msrpce.RpcClientAssociation}). Security providers plug in through
 * {@link org.cews.wcce.msrpce.ClientSecurityContext} and {@link org.cews.wcce.msrpce.PduProtection};
 * this package never touches the network itself. The lab's server side of the same protocol
 * ({@code org.cews.wcce.server.msrpce.RpcServer}, module wcce-connector/rpc-server, not shipped)
 * reads and writes PDUs with this package's one codec ({@link org.cews.wcce.msrpce.FrameReader},
 * {@link org.cews.wcce.msrpce.PduDecoder}, {@link org.cews.wcce.msrpce.StubReassembler}).
 *
 * <pre>
 *   try (RpcClientAssociation icpr = RpcClientAssociation.bind(tcpChannel, ICPR_SYNTAX, ntlmContext, RpcLimits.DEFAULT)) {
 *       byte[] responseStub = icpr.call(0, requestStub);   // CertServerRequest, NDR in and out
 *   }
 * </pre>
 */
package org.cews.wcce.msrpce;
