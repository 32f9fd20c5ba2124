package org.cews.wcce.msicpr;

import static org.cews.wcce.ndr.GoldenHex.resource;

import org.cews.wcce.ndr.Mutations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded mutations of every msicpr golden: NdrException or a clean decode, never anything else. */
class MutationTest {

    @ParameterizedTest
    @ValueSource(strings = {CertServerRequestTest.SUBMIT_FILE, CertServerRequestTest.RETRIEVE_FILE})
    void requests(String file) {
        Mutations.survive(resource(file), file.hashCode(), 3000, stub -> CertServerRequest.decode(stub)
                .encode());
    }

    @ParameterizedTest
    @ValueSource(strings = {CertServerRequestResponseTest.ISSUED_FILE, CertServerRequestResponseTest.DENIED_FILE})
    void responses(String file) {
        Mutations.survive(resource(file), file.hashCode(), 3000, stub -> CertServerRequestResponse.decode(stub)
                .encode());
    }
}
