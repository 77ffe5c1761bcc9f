package dev.vigil.metrics.store;

import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricType;
import dev.vigil.metrics.store.wal.LogFile;
import dev.vigil.metrics.store.wal.RecordBuffer;
import dev.vigil.metrics.store.wal.RecordInput;
import dev.vigil.metrics.store.wal.RecordReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The metadata of each metric family, in memory and in one small file rewritten whole when it changes. */
final class MetadataFile {

    private static final byte RECORD = 3;

    private final Path file;
    private final Map<String, MetricMetadata> byFamily = new ConcurrentHashMap<>();

    private MetadataFile(Path file) {
        this.file = file;
    }

    static MetadataFile load(Path file) throws IOException {
        MetadataFile metadata = new MetadataFile(file);
        if (Files.exists(file)) {
            RecordReader.readAndRepair(file, (type, payload) -> {
                if (type == RECORD) {
                    RecordInput in = new RecordInput(payload);
                    while (in.hasRemaining()) {
                        String family = in.string();
                        String typeName = in.string();
                        MetricType metricType = MetricType.UNKNOWN;
                        for (MetricType t : MetricType.values()) {
                            if (t.name().equals(typeName)) {
                                metricType = t;
                            }
                        }
                        metadata.byFamily.put(family, new MetricMetadata(metricType, in.string(), in.string()));
                    }
                }
            });
        }
        return metadata;
    }

    Map<String, MetricMetadata> snapshot() {
        return Map.copyOf(byFamily);
    }

    /** Records what a commit said; rewrites the file only when something changed. */
    synchronized void update(Map<String, MetricMetadata> updates) throws IOException {
        boolean changed = false;
        for (Map.Entry<String, MetricMetadata> e : updates.entrySet()) {
            if (!e.getValue().equals(byFamily.put(e.getKey(), e.getValue()))) {
                changed = true;
            }
        }
        if (changed) {
            write();
        }
    }

    private void write() throws IOException {
        RecordBuffer buffer = new RecordBuffer().start(RECORD);
        new TreeMap<>(byFamily).forEach((family, m) ->
                buffer.putString(family).putString(m.type().name()).putString(m.help()).putString(m.unit()));
        buffer.finish();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try (LogFile out = LogFile.open(tmp, true)) {
            out.write(buffer.view());
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
