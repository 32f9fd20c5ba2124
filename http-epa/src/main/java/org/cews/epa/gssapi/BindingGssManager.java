package org.cews.epa.gssapi;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.Provider;
import java.util.function.Consumer;
import org.ietf.jgss.ChannelBinding;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

/**
 * A {@link GSSManager} whose acceptor contexts check one channel binding: {@link
 * #createContext(GSSCredential)} sets it before the first token is accepted (RFC 2743 §2.2.2: the
 * bindings are an input of GSS_Accept_sec_context). Everything else is the delegate's. Elytron's
 * SPNEGO mechanism takes such a manager as its {@code CONFIG_GSS_MANAGER}.
 *
 * <p>With a binding set, the JDK's acceptor refuses a token whose checksum carries none ({@code
 * BAD_BINDINGS}, "Token missing ChannelBinding!") and one that carries another ("Bytes
 * mismatch!"); refusals are reported to {@code refusals} before they reach the caller.
 */
public final class BindingGssManager extends GSSManager {

    private final GSSManager delegate;
    private final ChannelBinding binding;
    private final Consumer<GSSException> refusals;

    public BindingGssManager(GSSManager delegate, ChannelBinding binding, Consumer<GSSException> refusals) {
        this.delegate = delegate;
        this.binding = binding;
        this.refusals = refusals;
    }

    @Override
    public GSSContext createContext(GSSCredential myCred) throws GSSException {
        GSSContext context = delegate.createContext(myCred);
        context.setChannelBinding(binding);
        return (GSSContext) Proxy.newProxyInstance(
                GSSContext.class.getClassLoader(), new Class<?>[] {GSSContext.class}, new Reporting(context));
    }

    /** Passes every call to the context; a failed {@code acceptSecContext} is reported first. */
    private final class Reporting implements InvocationHandler {
        private final GSSContext context;

        Reporting(GSSContext context) {
            this.context = context;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(context, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof GSSException g && "acceptSecContext".equals(method.getName())) {
                    refusals.accept(g);
                }
                throw e.getCause();
            }
        }
    }

    @Override
    public Oid[] getMechs() {
        return delegate.getMechs();
    }

    @Override
    public Oid[] getNamesForMech(Oid mech) throws GSSException {
        return delegate.getNamesForMech(mech);
    }

    @Override
    public Oid[] getMechsForName(Oid nameType) {
        return delegate.getMechsForName(nameType);
    }

    @Override
    public GSSName createName(String nameStr, Oid nameType) throws GSSException {
        return delegate.createName(nameStr, nameType);
    }

    @Override
    public GSSName createName(byte[] name, Oid nameType) throws GSSException {
        return delegate.createName(name, nameType);
    }

    @Override
    public GSSName createName(String nameStr, Oid nameType, Oid mech) throws GSSException {
        return delegate.createName(nameStr, nameType, mech);
    }

    @Override
    public GSSName createName(byte[] name, Oid nameType, Oid mech) throws GSSException {
        return delegate.createName(name, nameType, mech);
    }

    @Override
    public GSSCredential createCredential(int usage) throws GSSException {
        return delegate.createCredential(usage);
    }

    @Override
    public GSSCredential createCredential(GSSName name, int lifetime, Oid mech, int usage) throws GSSException {
        return delegate.createCredential(name, lifetime, mech, usage);
    }

    @Override
    public GSSCredential createCredential(GSSName name, int lifetime, Oid[] mechs, int usage) throws GSSException {
        return delegate.createCredential(name, lifetime, mechs, usage);
    }

    @Override
    public GSSContext createContext(GSSName peer, Oid mech, GSSCredential myCred, int lifetime) throws GSSException {
        return delegate.createContext(peer, mech, myCred, lifetime);
    }

    @Override
    public GSSContext createContext(byte[] interProcessToken) throws GSSException {
        return delegate.createContext(interProcessToken);
    }

    @Override
    public void addProviderAtFront(Provider p, Oid mech) throws GSSException {
        delegate.addProviderAtFront(p, mech);
    }

    @Override
    public void addProviderAtEnd(Provider p, Oid mech) throws GSSException {
        delegate.addProviderAtEnd(p, mech);
    }
}
