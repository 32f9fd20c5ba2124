package org.cews.wcce.epm;

import static org.cews.wcce.ndr.GoldenHex.resource;

import org.cews.wcce.ndr.Mutations;
import org.cews.wcce.ndr.NdrException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded mutations of every epm golden: NdrException or a clean decode, never anything else. */
class MutationTest {

    @Test
    void eptMap() {
        Mutations.survive(resource(EptMapTest.FILE), 135, 3000, stub -> {
            EptMap request = EptMap.decode(stub);
            request.encode();
            if (request.mapTower() != null) {
                probe(request.mapTower());
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {EptMapResponseTest.ICPR_FILE, EptMapResponseTest.NOT_REGISTERED_FILE})
    void eptMapResponse(String file) {
        Mutations.survive(resource(file), file.hashCode(), 3000, stub -> {
            EptMapResponse response = EptMapResponse.decode(stub);
            response.encode();
            for (Tower t : response.towers()) {
                probe(t);
            }
        });
    }

    /** The accessors may refuse a tower, but only with NdrException. */
    private static void probe(Tower tower) {
        try {
            tower.interfaceId();
        } catch (NdrException refused) {
            // fine
        }
        try {
            tower.tcpPort();
            tower.ipv4Address();
        } catch (NdrException refused) {
            // fine
        }
    }
}
