package org.cews.epa;

/**
 * No channel binding can be had for a connection: the served certificate defines no
 * {@code tls-server-end-point} hash, or this JVM does not let the module build the binding the way
 * Windows and MIT encode it. An endpoint that requires bindings then refuses every Negotiate.
 */
public final class BindingException extends Exception {
    private static final long serialVersionUID = 1L;

    public BindingException(String message) {
        super(message);
    }

    public BindingException(String message, Throwable cause) {
        super(message, cause);
    }
}
