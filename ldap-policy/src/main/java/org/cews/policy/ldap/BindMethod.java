package org.cews.policy.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.GSSAPIBindRequest;
import com.unboundid.ldap.sdk.GSSAPIBindRequestProperties;
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
     * SASL GSSAPI (Kerberos) as a service principal whose key is in a keytab, the way the CEP
     * service account would bind. Built on UnboundID's GSSAPI bind; not yet exercised against a
     * KDC (the Samba integration tier will).
     */
    record GssapiKeytab(String principal, Path keytab, String realm, String kdcAddress) implements BindMethod {
        @Override
        public BindRequest toBindRequest() throws LDAPException {
            GSSAPIBindRequestProperties properties = new GSSAPIBindRequestProperties(principal, (String) null);
            properties.setUseKeyTab(true);
            properties.setKeyTabPath(keytab.toString());
            properties.setUseTicketCache(false);
            properties.setRequireCachedCredentials(false);
            properties.setRealm(realm);
            properties.setKDCAddress(kdcAddress);
            return new GSSAPIBindRequest(properties);
        }
    }
}
