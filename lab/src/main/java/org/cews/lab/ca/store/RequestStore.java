package org.cews.lab.ca.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CA's Request table on disk ([MS-WCCE] 3.2.1.1.1; Request_Request_ID "a unique value",
 * 3.2.1.4.2.1.4.4): one file per request under {@code requests/}, written atomically, and the next
 * request id in {@code next-request-id}, written before the id is handed out, so ids keep
 * increasing from 1 across restarts even if a record is lost. All rows are held in memory too.
 */
public final class RequestStore {

    private static final String SEQUENCE = "next-request-id";

    private final Path dir;
    private final TreeMap<Integer, RequestRecord> rows = new TreeMap<>();
    private int next;

    private RequestStore(Path dir) {
        this.dir = dir;
    }

    /** Opens (or creates) the table under {@code stateDir}. */
    public static RequestStore open(Path stateDir) throws IOException {
        RequestStore store = new RequestStore(AtomicFiles.directory(stateDir.resolve("requests")));
        store.load();
        return store;
    }

    private void load() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.request")) {
            for (Path f : files) {
                RequestRecord r = RecordCodec.decode(Files.readAllBytes(f), f.toString());
                rows.put(r.id(), r);
            }
        }
        Path sequence = dir.resolve(SEQUENCE);
        int stored = Files.exists(sequence)
                ? Integer.parseInt(
                        Files.readString(sequence, StandardCharsets.US_ASCII).strip())
                : 1;
        next = Math.max(stored, rows.isEmpty() ? 1 : rows.lastKey() + 1);
    }

    /** Reserves the next request id and persists the reservation. */
    public synchronized int allocateId() throws IOException {
        int id = next;
        AtomicFiles.write(dir.resolve(SEQUENCE), Integer.toString(id + 1).getBytes(StandardCharsets.US_ASCII));
        next = id + 1;
        return id;
    }

    /** Writes a row (new, or replacing the row with its id). */
    public synchronized void put(RequestRecord row) throws IOException {
        AtomicFiles.write(file(row.id()), RecordCodec.encode(row));
        rows.put(row.id(), row);
    }

    /** Replaces a pending row; false if the row is absent or no longer pending. */
    public synchronized boolean resolvePending(RequestRecord row) throws IOException {
        RequestRecord current = rows.get(row.id());
        if (current == null || current.status() != RequestStatus.PENDING) {
            return false;
        }
        put(row);
        return true;
    }

    public synchronized Optional<RequestRecord> get(int id) {
        return Optional.ofNullable(rows.get(id));
    }

    /** Every row, lowest id first. */
    public synchronized List<RequestRecord> all() {
        return List.copyOf(rows.values());
    }

    /** Pending rows, oldest (lowest id) first. */
    public synchronized List<RequestRecord> pending() {
        return rows.values().stream()
                .filter(r -> r.status() == RequestStatus.PENDING)
                .toList();
    }

    /** The row that issued the certificate {@code der} (byte for byte), if this CA has it. */
    public synchronized Optional<RequestRecord> issued(byte[] der) {
        return rows.values().stream()
                .filter(r -> r.certificate().filter(c -> Arrays.equals(c, der)).isPresent())
                .findFirst();
    }

    private Path file(int id) {
        return dir.resolve(String.format("%010d.request", id));
    }
}
