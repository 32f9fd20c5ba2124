package org.cews.lab.rpc;

import org.cews.lab.ca.LabCa;
import org.cews.wcce.msicpr.CertServerRequest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.IcprInterface;
import org.cews.wcce.msrpce.FaultStatus;
import org.cews.wcce.msrpce.RpcFaultException;
import org.cews.wcce.ndr.NdrException;
import org.cews.wcce.server.msrpce.RpcCall;
import org.cews.wcce.server.msrpce.RpcCallHandler;
import org.cews.wcce.server.msrpce.RpcPrincipal;

/**
 * The server routine of ICertPassage ([MS-ICPR] 3.2.4.1): CertServerRequest (opnum 0) is decoded
 * and handed to the {@link LabCa} with the authenticated caller; its answer is encoded as the
 * response stub. Any other opnum is nca_op_rng_error; a stub that does not decode,
 * rpc_x_bad_stub_data ([MS-RPCE] 2.2.2.8, as an AD CS host answers both). One log line per call.
 */
final class IcprHandler implements RpcCallHandler {

    private static final System.Logger LOG = System.getLogger(IcprHandler.class.getName());

    private final LabCa ca;

    IcprHandler(LabCa ca) {
        this.ca = ca;
    }

    @Override
    public byte[] handle(RpcCall call) throws RpcFaultException {
        String who = call.caller().map(RpcPrincipal::toString).orElse("(anonymous)");
        if (call.opnum() != IcprInterface.OPNUM_CERT_SERVER_REQUEST) {
            LOG.log(System.Logger.Level.INFO, "LAB0601 icpr: {0} called opnum {1}: op_rng_error", who, call.opnum());
            throw new RpcFaultException(FaultStatus.OP_RNG_ERROR);
        }
        if (call.caller().isEmpty()) {
            // RpcInterface.authenticated admits sealed calls only; this is a second lock.
            LOG.log(System.Logger.Level.INFO, "LAB0602 icpr: unauthenticated CertServerRequest: access denied");
            throw new RpcFaultException(FaultStatus.ACCESS_DENIED);
        }
        CertServerRequest request;
        try {
            request = CertServerRequest.decode(call.stub());
        } catch (NdrException e) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "LAB0603 icpr: {0}: CertServerRequest stub refused (bad_stub_data): {1}",
                    who,
                    e.getMessage());
            throw new RpcFaultException(FaultStatus.BAD_STUB_DATA);
        }
        CertServerRequestResponse response;
        try {
            response = ca.process(request, call.caller().get());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "LAB0604 icpr: " + who + ": the CA failed on CertServerRequest", e);
            throw new RpcFaultException(FaultStatus.CALL_FAILED);
        }
        LOG.log(
                System.Logger.Level.INFO,
                "LAB0605 icpr: {0}: CertServerRequest {1} flags 0x{2} authority {3} request id {4,number,#} -> request id {5,number,#}, {6}, {7}",
                who,
                request.isRetrieval() ? "retrieval" : "submission",
                Integer.toHexString(request.flags().value()),
                request.authority(),
                request.requestId(),
                response.requestId(),
                response.disposition(),
                response.returnValue());
        return response.encode();
    }
}
