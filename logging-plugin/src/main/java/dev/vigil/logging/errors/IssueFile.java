package dev.vigil.logging.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issues on disk: one JSON document, {@code issues.json} in the tracker's folder, replaced whole. A write goes
 * to a temporary file forced to disk and renamed over the old one, so that after a crash the file holds the old or the
 * new issues, never a mix. A file that cannot be read is moved aside and the tracker starts empty: losing the error
 * history must not keep the platform from starting. The document is built as a JSON tree, so that the platform's
 * Jackson learns nothing of the plugin's classes. Thread-safe.
 */
final class IssueFile {

    private static final Logger LOG = LoggerFactory.getLogger(IssueFile.class);
    private static final int VERSION = 1;

    private final Path file;
    private final JsonMapper mapper = JsonMapper.builder().build();

    IssueFile(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the error tracking folder " + folder, e);
        }
        this.file = folder.resolve("issues.json");
    }

    Path path() {
        return file;
    }

    /** The saved issues; none when there is no file or it cannot be read (it is then moved aside). */
    List<IssueState> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            JsonNode root = mapper.readTree(file.toFile());
            if (root == null || root.path("version").asInt() != VERSION) {
                throw new IOException("not a version " + VERSION + " issue file");
            }
            List<IssueState> issues = new ArrayList<>();
            for (JsonNode node : root.path("issues")) {
                issues.add(issue(node));
            }
            return issues;
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            for (int n = 2; Files.exists(aside); n++) {
                aside = file.resolveSibling(file.getFileName() + ".unreadable-" + n);
            }
            try {
                Files.move(file, aside);
                LOG.warn("Cannot read the error issues in {} ({}); moved the file to {} and starting without them", file, e.toString(), aside);
            } catch (IOException moveFailure) {
                LOG.warn("Cannot read the error issues in {} ({}) nor move the file aside ({}); starting without them", file,
                        e.toString(), moveFailure.toString());
            }
            return List.of();
        }
    }

    /** Replaces the file with {@code issues}. */
    void write(Collection<IssueState> issues, Instant savedAt) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", VERSION);
        root.put("savedAt", savedAt.toString());
        ArrayNode array = root.putArray("issues");
        for (IssueState issue : issues) {
            array.add(node(issue));
        }
        byte[] bytes = mapper.writeValueAsBytes(root);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static ObjectNode node(IssueState issue) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", issue.id);
        node.put("type", issue.type);
        node.put("title", issue.title);
        node.put("culprit", issue.culprit);
        node.put("firstSeen", issue.firstSeen.toString());
        node.put("lastSeen", issue.lastSeen.toString());
        node.put("count", issue.count);
        node.put("users", packed(issue.userHashes()));
        node.put("usersAtLeast", issue.usersAtLeast);
        ArrayNode services = node.putArray("services");
        issue.services.forEach(services::add);
        node.put("status", issue.status.label());
        if (issue.resolvedAt != null) {
            node.put("resolvedAt", issue.resolvedAt.toString());
        }
        node.set("sample", record(issue.sample));
        return node;
    }

    private static IssueState issue(JsonNode node) {
        Set<String> services = new LinkedHashSet<>();
        node.path("services").forEach(s -> services.add(s.asText()));
        JsonNode resolvedAt = node.get("resolvedAt");
        return new IssueState(text(node, "id"), text(node, "type"), text(node, "title"), text(node, "culprit"),
                Instant.parse(text(node, "firstSeen")), Instant.parse(text(node, "lastSeen")), node.path("count").asLong(),
                unpacked(text(node, "users")), node.path("usersAtLeast").asBoolean(), services,
                record(node.path("sample")), IssueStatus.parse(text(node, "status")).orElseThrow(
                        () -> new IllegalArgumentException("unknown status " + node.path("status"))),
                resolvedAt == null || resolvedAt.isNull() ? null : Instant.parse(resolvedAt.asText()));
    }

    static ObjectNode record(LogRecord record) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("timeNanos", record.timeNanos());
        node.put("severity", record.severity().name());
        node.put("severityText", record.severityText());
        node.put("body", record.body());
        node.set("resource", strings(record.resource()));
        node.put("scope", record.scope());
        node.set("attributes", strings(record.attributes()));
        node.put("traceId", record.traceId());
        node.put("spanId", record.spanId());
        return node;
    }

    private static LogRecord record(JsonNode node) {
        return new LogRecord(node.path("timeNanos").asLong(), Severity.valueOf(text(node, "severity")), text(node, "severityText"),
                text(node, "body"), map(node.path("resource")), text(node, "scope"), map(node.path("attributes")),
                text(node, "traceId"), text(node, "spanId"));
    }

    private static ObjectNode strings(Map<String, String> map) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        map.forEach(node::put);
        return node;
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            map.put(e.getKey(), e.getValue().asText());
        }
        return map;
    }

    private static String text(JsonNode node, String field) {
        @Nullable JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing text field " + field);
        }
        return value.asText();
    }

    /** The hashes as base64 of their big-endian bytes: 11 characters a user rather than 20 digits. */
    private static String packed(long[] hashes) {
        ByteBuffer buffer = ByteBuffer.allocate(hashes.length * Long.BYTES);
        for (long h : hashes) {
            buffer.putLong(h);
        }
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    private static long[] unpacked(String text) {
        ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(text));
        long[] hashes = new long[buffer.remaining() / Long.BYTES];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = buffer.getLong();
        }
        return hashes;
    }
}
