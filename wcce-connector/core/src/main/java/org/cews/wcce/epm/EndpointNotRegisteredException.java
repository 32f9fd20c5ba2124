package org.cews.wcce.epm;

import org.cews.wcce.msrpce.SyntaxId;

/**
 * The endpoint mapper has no TCP endpoint for an interface (ept_s_not_registered, for example
 * right after the CA service restarted), or answered with something unreadable.
 */
public class EndpointNotRegisteredException extends Exception {

    private static final long serialVersionUID = 1L;

    public EndpointNotRegisteredException(SyntaxId iface, int status) {
        super("no TCP endpoint for interface " + iface.uuid() + " v" + iface.major() + "." + iface.minor()
                + " (status 0x" + Integer.toHexString(status) + ")");
    }

    public EndpointNotRegisteredException(SyntaxId iface, Throwable cause) {
        super("unreadable ept_map answer for interface " + iface.uuid() + ": " + cause.getMessage(), cause);
    }
}
