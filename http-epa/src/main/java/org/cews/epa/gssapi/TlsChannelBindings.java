package org.cews.epa.gssapi;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import org.cews.epa.BindingException;
import org.ietf.jgss.ChannelBinding;

/**
 * The channel binding as Windows SSPI and MIT krb5 encode it for TLS: application data only, both
 * addresses absent with address type 0.
 *
 * <p>RFC 4121 §4.1.1.2 puts into the authenticator checksum's Bnd field the MD5 hash of the
 * channel bindings, "taken over all non-null components of bindings, in order of declaration",
 * integers little-endian; the components are those of RFC 2744 §3.11 {@code
 * gss_channel_bindings_struct}: initiator address type and address, acceptor address type and
 * address, application data. Windows and MIT leave the address types at 0 (GSS_C_AF_UNSPEC) with
 * empty addresses. The JDK's public {@code new ChannelBinding(appData)} is hashed with type 255
 * (GSS_C_AF_NULLADDR) instead, so its acceptor refuses every such client ("Bytes mismatch!"); the
 * JDK hashes type 0 only for its own {@code sun.security.jgss.krb5.internal.TlsChannelBindingImpl}
 * (JDK-8245527, written for LDAP channel binding to AD). That class is built here by reflection,
 * which needs WildFly's JVM to run with {@code
 * --add-exports=java.security.jgss/sun.security.jgss.krb5.internal=ALL-UNNAMED}
 * (docs/WILDFLY-AUTH.md §7.2, §7.3).
 */
public final class TlsChannelBindings {

    static final String IMPL = "sun.security.jgss.krb5.internal.TlsChannelBindingImpl";

    private TlsChannelBindings() {}

    /** The binding with {@code applicationData}, address types 0; refused without the JVM flag. */
    public static ChannelBinding of(byte[] applicationData) throws BindingException {
        try {
            return (ChannelBinding) constructor().newInstance((Object) applicationData.clone());
        } catch (InvocationTargetException e) {
            throw new BindingException(IMPL + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new BindingException(IMPL + ": " + e, e);
        }
    }

    private static Constructor<?> constructor() throws ReflectiveOperationException {
        // The class is always found (java.security.jgss is visible to every module); only the
        // access fails when the package is not exported to this class's unnamed module.
        Class<?> impl = Class.forName(IMPL, true, ChannelBinding.class.getClassLoader());
        return impl.getConstructor(byte[].class);
    }
}
