package org.cews.lab.rpc;

import org.cews.lab.LabAccounts;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msrpce.RpcClientAssociation;

/** {@link LabRpcClient} for tests outside this package. */
public final class LabRpcClientAccess {

    private LabRpcClientAccess() {}

    public static int icprPort(int epmPort) throws Exception {
        return LabRpcClient.icprPort(epmPort);
    }

    /** Looks up the ICPR port, binds as LAB\alice with NTLM at packet privacy, submits once. */
    public static Disposition submitAsAlice(int epmPort, String attributes) throws Exception {
        String password = LabAccounts.load().requireUser("alice").password();
        try (RpcClientAssociation icpr =
                LabRpcClient.bind(icprPort(epmPort), LabRpcClient.ntlm("alice", "LAB", password))) {
            return LabRpcClient.submit(icpr, attributes).disposition();
        }
    }
}
