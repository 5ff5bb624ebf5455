package dev.trustmap.analysis.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trustmap.text.IoReasons;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only audit log: one JSON object a line in {@code audit.jsonl} in the user's Trustmap folder. Lines are
 * only ever appended (never rewritten or truncated), each under a file lock and synced to disk, so two running apps
 * can share the file. A line that does not read back (a crash mid-write, a hand edit) is skipped and counted.
 */
public final class AuditLog {
    /** The file name in the Trustmap folder. */
    public static final String FILE = "audit.jsonl";

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPTIONAL_TEXT =
            List.of("osUser", "kubeUser", "context", "digest", "outcome", "destination");
    /** FileLock guards against other processes only; threads of this one queue on these monitors. */
    private static final Map<Path, Object> WRITERS = new ConcurrentHashMap<>();

    private final Path file;

    /** A log in {@code file} (its folder is created on the first append). */
    public AuditLog(Path file) {
        this.file = file;
    }

    /** The log in the user's Trustmap folder ({@code trustmap.home}, else {@code ~/.trustmap}). */
    public static AuditLog atDefaultLocation() {
        return new AuditLog(TrustmapFolder.path().resolve(FILE));
    }

    public Path file() {
        return file;
    }

    /** Entries read back, newest first, and the number of lines that could not be read. */
    public record Recent(List<AuditEntry> entries, int skipped) {
        public Recent {
            entries = List.copyOf(entries);
        }
    }

    /**
     * Appends one line and syncs it to disk.
     *
     * @throws IOException with a message naming the file and what went wrong, fit to show the user
     */
    public void append(AuditEntry entry) throws IOException {
        byte[] line = (toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        Path key = file.toAbsolutePath().normalize();
        synchronized (WRITERS.computeIfAbsent(key, k -> new Object())) {
            try {
                Path folder = key.getParent();
                if (folder != null) {
                    Files.createDirectories(folder);
                }
                write(line);
            } catch (IOException e) {
                throw new IOException(
                        "cannot write the audit log " + file + " (" + IoReasons.of(e, file)
                                + "); check that the folder exists and is writable",
                        e);
            }
        }
        LOG.info(
                "audit log: {} {} ({} resources) -> {}",
                entry.action(),
                entry.outcome(),
                entry.resources().size(),
                file);
    }

    private void write(byte[] line) throws IOException {
        try (FileChannel channel = FileChannel.open(
                        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                FileLock lock = channel.lock()) {
            ByteBuffer buffer = ByteBuffer.wrap(endsInPartialLine() ? prefixNewline(line) : line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** A line cut short by a crash would swallow the next one: start on a fresh line instead. */
    private boolean endsInPartialLine() throws IOException {
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = reader.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            reader.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    private static byte[] prefixNewline(byte[] line) {
        byte[] prefixed = new byte[line.length + 1];
        prefixed[0] = '\n';
        System.arraycopy(line, 0, prefixed, 1, line.length);
        return prefixed;
    }

    /** Up to {@code limit} entries, newest first; unreadable lines are skipped (and logged). */
    public List<AuditEntry> recent(int limit) throws IOException {
        Recent recent = read(limit);
        if (recent.skipped() > 0) {
            LOG.warn("audit log {}: skipped {} unreadable lines", file, recent.skipped());
        }
        return recent.entries();
    }

    /**
     * Up to {@code limit} entries, newest first (in the order they were appended), with the count of unreadable
     * lines among all lines of the file. A missing file is an empty log.
     */
    public Recent read(int limit) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Recent(List.of(), 0);
        } catch (IOException e) {
            throw new IOException("cannot read the audit log " + file + " (" + IoReasons.of(e, file) + ")", e);
        }
        return parse(text, limit);
    }

    private static Recent parse(String text, int limit) {
        String[] lines = text.split("\n", -1);
        List<AuditEntry> entries = new ArrayList<>();
        int skipped = 0;
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            AuditEntry entry = fromJson(line);
            if (entry == null) {
                skipped++;
            } else if (entries.size() < limit) {
                entries.add(entry);
            }
        }
        return new Recent(entries, skipped);
    }

    /**
     * A digest of objects' content: {@code sha256:<hex>} over their canonical JSON (keys sorted, server-set fields
     * and status left out), taken in {@code Kind namespace/name} order, so the same content gives the same digest
     * in any order.
     */
    public static String digest(Collection<? extends HasMetadata> objects) {
        return AuditDigest.of(objects);
    }

    /** One entry as its JSON line (without the newline). */
    public static String toJson(AuditEntry entry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("time", entry.time().toString());
        node.put("osUser", entry.osUser());
        node.put("kubeUser", entry.kubeUser());
        node.put("context", entry.context());
        node.put("action", entry.action());
        ArrayNode resources = node.putArray("resources");
        entry.resources().forEach(resources::add);
        node.put("digest", entry.digest());
        node.put("outcome", entry.outcome());
        if (!entry.destination().isEmpty()) {
            node.put("destination", entry.destination());
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an audit entry as JSON", e);
        }
    }

    /** The entry a line holds, or null when it is not one. */
    static AuditEntry fromJson(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null
                    || !node.isObject()
                    || !node.path("time").isTextual()
                    || !node.path("action").isTextual()
                    || !OPTIONAL_TEXT.stream().allMatch(field -> textOrAbsent(node, field))
                    || !textArrayOrAbsent(node, "resources")) {
                return null;
            }
            List<String> resources = new ArrayList<>();
            node.path("resources").forEach(r -> resources.add(r.asText()));
            return new AuditEntry(
                    Instant.parse(node.get("time").asText()),
                    node.path("osUser").asText(""),
                    node.path("kubeUser").asText(""),
                    node.path("context").asText(""),
                    node.get("action").asText(),
                    resources,
                    node.path("digest").asText(""),
                    node.path("outcome").asText(""),
                    node.path("destination").asText(""));
        } catch (JsonProcessingException | DateTimeParseException e) {
            return null;
        }
    }

    /** Whether {@code field} is missing or a string: an entry with, say, a number for its user is not ours. */
    private static boolean textOrAbsent(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isTextual();
    }

    private static boolean textArrayOrAbsent(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return true;
        }
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
