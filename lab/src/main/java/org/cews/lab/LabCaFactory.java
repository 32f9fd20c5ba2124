package org.cews.lab;

import org.cews.lab.ca.LabCa;

/**
 * The seam where the lab gets its CA engine: {@link Lab} calls {@link #create} once the directory
 * runs (the CA reads its policy there) and before it publishes the CA certificate and opens the
 * RPC endpoints. {@link LabCaFactories} says how the lab's main finds the implementation.
 */
@FunctionalInterface
public interface LabCaFactory {

    /**
     * Creates (or reopens, from {@link LabCaContext#caDir()}) the CA. If the result is also
     * {@link AutoCloseable}, the lab closes it when it stops.
     */
    LabCa create(LabCaContext context) throws Exception;
}
