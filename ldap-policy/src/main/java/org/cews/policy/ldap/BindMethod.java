package org.cews.policy.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How the reader authenticates to the directory. Every connection of the server set binds with
 * the same request.
 */
public sealed interface BindMethod {

    /** The UnboundID request, or null for an anonymous connection. */
    BindRequest toBindRequest() throws LDAPException;

    /** No bind. AD lets anonymous sessions read the rootDSE and nothing else. */
    record Anonymous() implements BindMethod {
        @Override
        public BindRequest toBindRequest() {
            return null;
        }
    }

    /** RFC 4513 simple bind: a DN (or, on AD, a UPN) and a password, over TLS. */
    record Simple(String bindDn, char[] password) implements BindMethod {
        public Simple {
            password = password.clone();
        }

        @Override
        public BindRequest toBindRequest() {
            return new SimpleBindRequest(bindDn, new String(password));
        }

        @Override
        public String toString() {
            return "Simple[" + bindDn + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Simple s && bindDn.equals(s.bindDn) && Arrays.equals(password, s.password);
        }

        @Override
        public int hashCode() {
            return bindDn.hashCode();
        }
    }

    /**
     * SASL GSSAPI (Kerberos) as a principal whose keys are in a keytab, the way the CEP service
     * account binds ({@link KeytabGssapiBind}). The KDC and realm come from the JVM's krb5.conf
     * ({@code java.security.krb5.conf}); the service is {@code ldap/<host>} of each {@link
     * LdapServer}, so servers are given by DNS name. Proven against Samba AD's KDC (SambaPolicyIT).
     *
     * @param principal for example {@code svc-cep@LAB.EXAMPLE}
     */
    record GssapiKeytab(String principal, Path keytab) implements BindMethod {
        public GssapiKeytab {
            if (principal == null || principal.isBlank() || keytab == null) {
                throw new IllegalArgumentException("a GSSAPI bind needs a principal and a keytab");
            }
        }

        @Override
        public BindRequest toBindRequest() {
            return new KeytabGssapiBind(principal, keytab);
        }
    }
}
