package org.cews.client.auth;

import java.util.Map;
import javax.security.auth.Subject;
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
        Configuration config = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {
                    new AppConfigurationEntry(MODULE, AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)
                };
            }
        };
        Subject s = new Subject();
        new LoginContext("enroll", s, callbacks -> {}, config).login();
        return s;
    }
}
