package org.cews.wcce.server.msrpce;

import org.cews.wcce.msrpce.FaultStatus;
import org.cews.wcce.msrpce.RpcFaultException;

/**
 * The server routine of one interface: turns a request stub into a response stub, or refuses the
 * call with a fault status ([MS-RPCE] 2.2.2.8), e.g. {@link FaultStatus#OP_RNG_ERROR} for an opnum
 * it does not implement or {@link FaultStatus#BAD_STUB_DATA} for a stub it cannot unmarshal.
 */
@FunctionalInterface
public interface RpcCallHandler {

    byte[] handle(RpcCall call) throws RpcFaultException;
}
