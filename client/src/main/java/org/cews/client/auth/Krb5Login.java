package org.cews.client.auth;

import java.util.Map;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * A JAAS login with the JDK's Krb5LoginModule and the given options, configured for this login
 * only: no JAAS configuration file, no JVM-wide property.
 */
final class Krb5Login {
    private static final String MODULE = "com.sun.security.auth.module.Krb5LoginModule";

    private Krb5Login() {}

    static Subject login(Map<String, String> options) throws LoginException {
        return login(options, Optional.empty(), Optional.empty());
    }

    /** With a password, the module asks for the name and the password through callbacks. */
    static Subject login(Map<String, String> options, Optional<String> name, Optional<char[]> password)
            throws LoginException {
        Configuration config = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {
                    new AppConfigurationEntry(MODULE, AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)
                };
            }
        };
        Subject s = new Subject();
        CallbackHandler handler = callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof NameCallback n && name.isPresent()) {
                    n.setName(name.get());
                } else if (c instanceof PasswordCallback p && password.isPresent()) {
                    p.setPassword(password.get());
                } else {
                    throw new UnsupportedCallbackException(c);
                }
            }
        };
        new LoginContext("enroll", s, handler, config).login();
        return s;
    }
}
