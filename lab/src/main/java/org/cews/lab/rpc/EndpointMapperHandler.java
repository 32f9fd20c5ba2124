package org.cews.lab.rpc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cews.wcce.epm.EpmInterface;
import org.cews.wcce.epm.EptLookupHandle;
import org.cews.wcce.epm.EptMap;
import org.cews.wcce.epm.EptMapResponse;
import org.cews.wcce.epm.Tower;
import org.cews.wcce.msrpce.FaultStatus;
import org.cews.wcce.msrpce.RpcFaultException;
import org.cews.wcce.msrpce.SyntaxId;
import org.cews.wcce.ndr.NdrException;
import org.cews.wcce.server.msrpce.RpcCall;
import org.cews.wcce.server.msrpce.RpcCallHandler;

/**
 * The lab's endpoint mapper: {@code ept_map} ([MS-RPCE] 2.2.1.2.5, C706 appendix O, opnum 3)
 * answers the ncacn_ip_tcp tower of each registered interface with its port on 127.0.0.1, and
 * {@code ept_s_not_registered} for any other. An interface matches on UUID and major version, its
 * minor version being at most the registered one (the C706 rule for compatible minor versions).
 * Other opnums get nca_op_rng_error; a stub that does not decode, rpc_x_bad_stub_data.
 */
final class EndpointMapperHandler implements RpcCallHandler {

    private static final System.Logger LOG = System.getLogger(EndpointMapperHandler.class.getName());
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final Map<SyntaxId, Integer> registered;

    EndpointMapperHandler(Map<SyntaxId, Integer> registered) {
        this.registered = Map.copyOf(registered);
    }

    @Override
    public byte[] handle(RpcCall call) throws RpcFaultException {
        if (call.opnum() != EpmInterface.OPNUM_EPT_MAP) {
            LOG.log(System.Logger.Level.INFO, "LAB0501 epm: opnum {0} refused (op_rng_error)", call.opnum());
            throw new RpcFaultException(FaultStatus.OP_RNG_ERROR);
        }
        EptMap request;
        try {
            request = EptMap.decode(call.stub());
        } catch (NdrException e) {
            LOG.log(System.Logger.Level.INFO, "LAB0502 epm: ept_map stub refused (bad_stub_data): {0}", e.getMessage());
            throw new RpcFaultException(FaultStatus.BAD_STUB_DATA);
        }
        Optional<SyntaxId> asked = askedInterface(request);
        Optional<Map.Entry<SyntaxId, Integer>> match = asked.flatMap(a -> registered.entrySet().stream()
                .filter(e -> compatible(e.getKey(), a))
                .findFirst());
        EptMapResponse response;
        if (match.isPresent() && request.maxTowers() >= 1) {
            Tower tower = Tower.ncacnIpTcp(match.get().getKey(), match.get().getValue(), LOOPBACK);
            response = new EptMapResponse(EptLookupHandle.NULL, request.maxTowers(), List.of(tower), 0);
            LOG.log(
                    System.Logger.Level.INFO,
                    "LAB0503 epm: ept_map {0} -> port {1,number,#}",
                    describe(asked.get()),
                    match.get().getValue());
        } else {
            response = EptMapResponse.notRegistered(request);
            LOG.log(
                    System.Logger.Level.INFO,
                    "LAB0504 epm: ept_map {0} -> not registered",
                    asked.map(EndpointMapperHandler::describe).orElse("(no interface floor)"));
        }
        return response.encode();
    }

    private static Optional<SyntaxId> askedInterface(EptMap request) {
        if (request.mapTower() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(request.mapTower().interfaceId());
        } catch (NdrException e) {
            return Optional.empty();
        }
    }

    /** {@code 91ae6020-9e3c-11cf-8d7c-00aa00c091be v0.0}, as interfaces are written in IDL. */
    static String describe(SyntaxId id) {
        return id.uuid() + " v" + id.major() + "." + id.minor();
    }

    private static boolean compatible(SyntaxId offered, SyntaxId asked) {
        return offered.uuid().equals(asked.uuid())
                && offered.major() == asked.major()
                && asked.minor() <= offered.minor();
    }
}
