package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The EAR is deployed with its resource adapter, and the connection factory is bound in JNDI. */
class ConnectorDeploymentIT {

    @Test
    void earIsDeployed() throws IOException, InterruptedException {
        String out = TestServer.cli("/deployment=cews.ear:read-attribute(name=status)");
        assertTrue(out.contains("\"outcome\" => \"success\"") && out.contains("\"result\" => \"OK\""), out);
    }

    @Test
    void connectionFactoryIsBoundWithItsPool() throws IOException, InterruptedException {
        String out = TestServer.cli("/subsystem=naming:jndi-view");
        assertTrue(out.contains("\"eis\""), out);
        assertTrue(out.contains("\"CaConnectionFactory\""), out);
        assertTrue(out.contains("org.cews.wcce.ra.CaConnectionFactoryImpl"), out);

        String pool = TestServer.cli(
                "/subsystem=resource-adapters/resource-adapter=wcce/connection-definitions=ca:read-resource");
        assertTrue(pool.contains("\"jndi-name\" => \"java:/eis/cews/CaConnectionFactory\""), pool);
        assertTrue(pool.contains("\"max-pool-size\" => 20"), pool);
    }
}
