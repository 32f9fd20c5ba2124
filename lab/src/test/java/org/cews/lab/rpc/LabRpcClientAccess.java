package org.cews.lab.rpc;

import org.cews.lab.LabAccounts;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msrpce.ClientSecurityContext;
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
        return submit(epmPort, LabRpcClient.ntlm("alice", "LAB", password), attributes);
    }

    /** Looks up the ICPR port, binds with {@code security} at packet privacy, submits once. */
    public static Disposition submit(int epmPort, ClientSecurityContext security, String attributes) throws Exception {
        try (RpcClientAssociation icpr = LabRpcClient.bind(icprPort(epmPort), security)) {
            return LabRpcClient.submit(icpr, attributes).disposition();
        }
    }

    /** An NTLM client context for {@code user} of the domain LAB. */
    public static ClientSecurityContext ntlm(String user, String password) {
        return LabRpcClient.ntlm(user, "LAB", password);
    }
}
