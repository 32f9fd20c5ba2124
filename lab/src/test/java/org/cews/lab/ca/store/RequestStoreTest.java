package org.cews.lab.ca.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request table on disk: round trips, reload, ids, pending resolution, no stray temp files. */
class RequestStoreTest {

    static final Instant T = Instant.parse("2026-11-25T08:00:00Z");

    static RequestRecord row(int id, RequestStatus status) {
        return new RequestRecord(
                id,
                "alice",
                "LAB",
                Optional.of("S-1-5-21-1-2-3-1104"),
                Optional.empty(),
                Optional.empty(),
                Optional.of("User"),
                status,
                status == RequestStatus.DENIED ? 0x80094012 : 0,
                "message with = and : and \u00fc",
                0x40100,
                "CertificateTemplate:User\nccm:x",
                new byte[] {0x30, 0x00},
                status == RequestStatus.ISSUED ? Optional.of(new byte[] {1, 2, 3}) : Optional.empty(),
                T,
                status == RequestStatus.PENDING ? Optional.empty() : Optional.of(T.plusSeconds(1)));
    }

    @Test
    void rowsRoundTripThroughTheFiles(@TempDir Path dir) throws IOException {
        RequestStore store = RequestStore.open(dir);
        for (RequestStatus s : RequestStatus.values()) {
            int id = store.allocateId();
            store.put(row(id, s));
        }
        RequestStore reopened = RequestStore.open(dir);
        for (int id = 1; id <= RequestStatus.values().length; id++) {
            RequestRecord before = store.get(id).orElseThrow();
            RequestRecord after = reopened.get(id).orElseThrow();
            assertEquals(before.status(), after.status());
            assertEquals(before.statusCode(), after.statusCode());
            assertEquals(before.message(), after.message());
            assertEquals(before.attributes(), after.attributes());
            assertEquals(before.flags(), after.flags());
            assertEquals(before.callerSid(), after.callerSid());
            assertEquals(before.resolved(), after.resolved());
            assertArrayEquals(before.request(), after.request());
            assertEquals(before.certificate().isPresent(), after.certificate().isPresent());
        }
        assertEquals(RequestStatus.values().length + 1, reopened.allocateId());
        try (var files = Files.list(dir.resolve("requests"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void onlyAPendingRowCanBeResolved(@TempDir Path dir) throws IOException {
        RequestStore store = RequestStore.open(dir);
        store.put(row(store.allocateId(), RequestStatus.PENDING));
        assertEquals(List.of(1), store.pending().stream().map(RequestRecord::id).toList());
        assertTrue(store.resolvePending(row(1, RequestStatus.ISSUED)));
        assertFalse(store.resolvePending(row(1, RequestStatus.DENIED)));
        assertFalse(store.resolvePending(row(2, RequestStatus.DENIED)));
        assertEquals(RequestStatus.ISSUED, store.get(1).orElseThrow().status());
    }

    @Test
    void anUnreadableRowIsAnIoExceptionNamingTheFile(@TempDir Path dir) throws IOException {
        RequestStore.open(dir);
        Files.writeString(dir.resolve("requests/0000000007.request"), "id=7\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> RequestStore.open(dir));
        assertTrue(e.getMessage().contains("0000000007.request"), e.getMessage());
    }
}
