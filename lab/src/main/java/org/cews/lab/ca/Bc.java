package org.cews.lab.ca;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle provider instance the CA hands to BC's JCA builders. It is never added to
 * the JVM's provider list: the lab runs inside other processes' JVMs (tests, the runtime).
 */
public final class Bc {

    public static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {}
}
