package dev.vigil.alerting.notify.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes one JSON document per file. A write goes to a temporary file that is forced to disk and then
 * renamed over the old one, so that after a crash the file holds either the old or the new document, never a
 * torn one. Thread-safe.
 */
final class JsonFiles {

    private static final Logger LOG = LoggerFactory.getLogger(JsonFiles.class);

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Writes {@code value} to {@code file} atomically and durably. */
    void write(Path file, Object value) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            byte[] bytes = mapper.writeValueAsBytes(value);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
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
            forceDirectory(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /**
     * Reads {@code file} as a {@code type}; empty when there is no such file. A file that cannot be read is moved
     * aside (so that a later write does not destroy it), logged, and read as absent: a damaged state file must not
     * keep the platform from starting.
     */
    <T> Optional<T> read(Path file, Class<T> type) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mapper.readValue(file.toFile(), type));
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            for (int n = 2; Files.exists(aside); n++) {
                aside = file.resolveSibling(file.getFileName() + ".unreadable-" + n);
            }
            LOG.error("Cannot read the notification state file {}; moved it to {} and starting without it", file,
                    aside, e);
            try {
                Files.move(file, aside);
            } catch (IOException moveFailure) {
                LOG.error("Could not move {} aside", file, moveFailure);
            }
            return Optional.empty();
        }
    }

    private static void forceDirectory(Path directory) {
        // Makes the rename itself durable; some file systems cannot open a directory, which is then best left alone.
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Could not force directory {} to disk: {}", directory, e.toString());
        }
    }
}
