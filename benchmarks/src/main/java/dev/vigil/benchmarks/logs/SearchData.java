package dev.vigil.benchmarks.logs;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.logging.store.LogStore;
import dev.vigil.logging.store.LogStoreSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The search benchmark's data in a folder: {@value #JSON}, the records as JSON lines, and {@value #STORE}, a log store
 * (default settings) holding the same records, with {@value #MANIFEST} describing them. {@link #prepare} generates
 * them from a {@link LogCorpus}, or reuses what an earlier run left when its size and seed match.
 *
 * @param json the JSON lines file
 * @param store the store's folder
 * @param from the time of the earliest record, or earlier
 * @param to after the time of the latest record
 * @param traceId the trace id to search for
 * @param records how many records there are
 */
record SearchData(Path json, Path store, Instant from, Instant to, String traceId, long records) {

    static final String JSON = "logs.jsonl";
    static final String STORE = "store";
    static final String MANIFEST = "corpus.properties";
    private static final int WRITE_BUFFER = 1 << 20;

    SearchData {
        requireNonNull(json, "json is null");
        requireNonNull(store, "store is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(traceId, "traceId is null");
    }

    /** A filter that takes every record. */
    LogFilter all() {
        return LogFilter.between(from, to);
    }

    /**
     * The data of {@code options} in {@code dir}: reused when {@value #MANIFEST} says it was made with the same size and
     * seed, else generated (the driver's files there are replaced, nothing else is touched). Says what it does on
     * {@code out}.
     */
    static SearchData prepare(Path dir, SearchOptions options, PrintStream out) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (Files.isRegularFile(manifest)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            if (String.valueOf(options.megabytes()).equals(p.getProperty("megabytes"))
                    && String.valueOf(options.seed()).equals(p.getProperty("seed"))
                    && Files.isRegularFile(dir.resolve(JSON)) && Files.isDirectory(dir.resolve(STORE))) {
                SearchData data = new SearchData(dir.resolve(JSON), dir.resolve(STORE), Instant.parse(p.getProperty("from")),
                        Instant.parse(p.getProperty("to")), p.getProperty("traceId"), Long.parseLong(p.getProperty("records")));
                out.printf(Locale.ROOT, "reusing the data in %s: %,d records, %,d bytes of JSON lines%n", dir, data.records(),
                        Files.size(data.json()));
                return data;
            }
        }
        Files.deleteIfExists(manifest);
        Files.deleteIfExists(dir.resolve(JSON));
        LogContexts.deleteTree(dir.resolve(STORE));
        SearchData data = generate(dir, options, out);
        Properties p = new Properties();
        p.setProperty("megabytes", String.valueOf(options.megabytes()));
        p.setProperty("seed", String.valueOf(options.seed()));
        p.setProperty("from", data.from().toString());
        p.setProperty("to", data.to().toString());
        p.setProperty("traceId", data.traceId());
        p.setProperty("records", String.valueOf(data.records()));
        try (Writer w = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
            p.store(w, "the search benchmark's data");
        }
        return data;
    }

    /** Generates the records into the file and the store on one thread, timing the store's part. */
    private static SearchData generate(Path dir, SearchOptions options, PrintStream out) throws IOException {
        long target = options.megabytes() << 20;
        // the records end about a day ago, on a whole hour, however large the data
        long span = target / 1_000 * 200_000;
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1)).minusNanos(span);
        LogCorpus corpus = new LogCorpus(options.seed(), LogFilter.nanos(start), target);
        Path json = dir.resolve(JSON);
        Path storeDir = dir.resolve(STORE);
        long storeNanos = 0;
        long bytes = 0;
        long records = 0;
        long began = System.nanoTime();
        try (LogStore store = LogStore.open(storeDir, LogStoreSettings.defaults(), Clock.systemUTC());
                BufferedWriter writer = new BufferedWriter(Files.newBufferedWriter(json, StandardCharsets.UTF_8), WRITE_BUFFER)) {
            StringBuilder line = new StringBuilder(4096);
            while (bytes < target) {
                List<LogRecord> batch = corpus.next();
                long t0 = System.nanoTime();
                store.accept(batch);
                storeNanos += System.nanoTime() - t0;
                for (LogRecord r : batch) {
                    line.setLength(0);
                    JsonLines.append(r, line);
                    line.append('\n');
                    writer.append(line);
                    bytes += line.length();
                }
                records += batch.size();
            }
        }
        if (corpus.wantedTrace().isEmpty()) {
            throw new IllegalStateException("no trace id was drawn to search for");
        }
        out.printf(Locale.ROOT, "generated %,d records (%,d bytes of JSON lines, %.0f a record) in %.1f s; the store took them "
                + "at %,.0f records/s on one thread, batches of %d (accept() alone: %.1f s)%n", records, Files.size(json),
                (double) bytes / records, (System.nanoTime() - began) / 1e9, records / (storeNanos / 1e9), LogCorpus.BATCH,
                storeNanos / 1e9);
        // a second on either side: records are drawn up to a second behind and ahead of the corpus's clock
        return new SearchData(json, storeDir, start.minusSeconds(10), Instant.ofEpochSecond(0, corpus.nowNanos()).plusSeconds(10),
                corpus.wantedTrace(), records);
    }
}
