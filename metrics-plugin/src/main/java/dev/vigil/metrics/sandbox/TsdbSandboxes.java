package dev.vigil.metrics.sandbox;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.MetricSandbox;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.metrics.promql.engine.EngineSettings;
import dev.vigil.metrics.promql.engine.PromqlEngine;
import dev.vigil.metrics.store.StoreSettings;
import dev.vigil.metrics.store.Tsdb;
import dev.vigil.metrics.store.block.Block;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandboxes backed by the platform's own store: each is a {@link Tsdb} in a folder of its own under a root
 * folder, with a PromQL engine over it, so that what a tool computes there is what the server would compute.
 *
 * <p>A sandbox's store accepts samples at any time from the year -8000 on: its clock stands at the epoch and its
 * retention is ten thousand years, and it never moves data into blocks. Closing a sandbox deletes its folder;
 * folders left behind by a process that died are deleted when the next {@code TsdbSandboxes} is made over the same
 * root.
 */
public final class TsdbSandboxes implements MetricSandbox.Factory {

    private static final Logger LOG = LoggerFactory.getLogger(TsdbSandboxes.class);
    private static final StoreSettings STORE = new StoreSettings(Duration.ofDays(3_652_500), StoreSettings.defaults().retentionSize(),
            Integer.MAX_VALUE, StoreSettings.defaults().blockDuration(), false);
    private static final Clock EPOCH = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    private final Path root;
    private final EngineSettings engine;

    private TsdbSandboxes(Path root, EngineSettings engine) {
        this.root = root;
        this.engine = engine;
    }

    /**
     * Sandboxes in folders under {@code root}, whose engines have the limits of {@code engine}. Whatever {@code root}
     * holds is deleted first.
     *
     * @throws IOException if {@code root} cannot be emptied
     */
    public static TsdbSandboxes in(Path root, EngineSettings engine) throws IOException {
        requireNonNull(root, "root is null");
        requireNonNull(engine, "engine is null");
        if (Files.exists(root)) {
            LOG.debug("Deleting metric sandboxes left in {}", root);
            Block.deleteTree(root);
        }
        return new TsdbSandboxes(root, engine);
    }

    @Override
    public MetricSandbox create(Duration defaultSubqueryStep) throws IOException {
        requireNonNull(defaultSubqueryStep, "defaultSubqueryStep is null");
        EngineSettings settings = engine.withDefaultSubqueryStep(defaultSubqueryStep);
        Path dir = Files.createTempDirectory(Files.createDirectories(root), "sandbox-");
        Tsdb tsdb;
        try {
            tsdb = Tsdb.open(dir, STORE, new SimpleMeterRegistry(), EPOCH);
        } catch (IOException | RuntimeException e) {
            Block.deleteTree(dir);
            throw e;
        }
        return new Sandbox(dir, tsdb, new PromqlEngine(tsdb, settings));
    }

    private record Sandbox(Path dir, Tsdb tsdb, PromqlEngine engine) implements MetricSandbox {

        @Override
        public MetricStore store() {
            return tsdb;
        }

        @Override
        public MetricQuery query() {
            return engine;
        }

        @Override
        public void close() {
            try {
                tsdb.close();
                Block.deleteTree(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the metric sandbox in " + dir, e);
            }
        }
    }
}
