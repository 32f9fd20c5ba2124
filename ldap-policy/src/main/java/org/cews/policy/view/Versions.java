package org.cews.policy.view;

/**
 * The Windows releases behind the version nibbles of msPKI-Private-Key-Flag ([MS-CRTD] 2.27;
 * the table of docs/XCEP-WSTEP.md §2.2), for sentences only.
 */
final class Versions {

    private static final String[] CLIENTS = {
        "any client",
        "Windows XP / Server 2003",
        "Windows Vista / Server 2008",
        "Windows 7 / Server 2008 R2",
        "Windows 8 / Server 2012",
        "Windows 8.1 / Server 2012 R2",
        "Windows 10 / Server 2016"
    };

    private static final String[] SERVERS = {
        "any CA",
        "Windows Server 2003",
        "Windows Server 2008",
        "Windows Server 2008 R2",
        "Windows Server 2012",
        "Windows Server 2012 R2",
        "Windows Server 2016"
    };

    private Versions() {}

    static String client(int version) {
        return name(CLIENTS, version);
    }

    static String server(int version) {
        return name(SERVERS, version);
    }

    private static String name(String[] names, int version) {
        return version >= 0 && version < names.length ? names[version] : "unknown release " + version;
    }
}
