package org.cews.client;

/** A failure the client reports to its caller: a registered message and its kind. */
public class ClientException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ClientMessage id;

    public ClientException(ClientMessage id, Object... args) {
        super(id.format(args));
        this.id = id;
    }

    public ClientException(Throwable cause, ClientMessage id, Object... args) {
        super(id.format(args), cause);
        this.id = id;
    }

    public ClientMessage messageId() {
        return id;
    }

    public Failure failure() {
        return id.failure();
    }
}
