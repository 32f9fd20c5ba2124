package org.cews.lab.ca.revocation;

import java.math.BigInteger;
import java.util.Optional;

/** The certificate an officer revokes: the one issued under a request ID, or the one with a serial. */
public sealed interface RevocationTarget {

    /** The certificate of this target that {@code ca} issued, if any. */
    Optional<CaRevocation.Issued> find(CaRevocation ca);

    record Request(int requestId) implements RevocationTarget {
        @Override
        public Optional<CaRevocation.Issued> find(CaRevocation ca) {
            return ca.byRequest(requestId);
        }

        @Override
        public String toString() {
            return "request " + requestId;
        }
    }

    record Serial(BigInteger serial) implements RevocationTarget {
        @Override
        public Optional<CaRevocation.Issued> find(CaRevocation ca) {
            return ca.bySerial(serial);
        }

        @Override
        public String toString() {
            return "serial " + serial.toString(16);
        }
    }
}
