package org.cews.wcce.client;

import java.nio.file.Path;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * A JAAS Kerberos login from a keytab, without a login configuration file: the Subject then holds
 * the account's TGT and keys. The KDC comes from the JVM's krb5.conf.
 */
final class KeytabLogin {

    private KeytabLogin() {}

    static Subject login(String principal, Path keytab) throws LoginException {
        Configuration configuration = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {
                    new AppConfigurationEntry(
                            "com.sun.security.auth.module.Krb5LoginModule",
                            AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                            Map.of(
                                    "principal", principal,
                                    "keyTab", keytab.toString(),
                                    "useKeyTab", "true",
                                    "storeKey", "true",
                                    "doNotPrompt", "true",
                                    "isInitiator", "true",
                                    "refreshKrb5Config", "true"))
                };
            }
        };
        LoginContext login = new LoginContext("cews-ca", new Subject(), callbacks -> {}, configuration);
        login.login();
        return login.getSubject();
    }
}
