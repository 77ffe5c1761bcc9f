package dev.vigil.benchmarks.logs;

import dev.vigil.api.logs.LogCounts;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.logging.store.LogStore;
import dev.vigil.logging.store.LogStoreSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Search time in the log store against {@code grep -c} over the same records as a file of JSON lines. It generates
 * about 1 GB of realistic JSON log lines ({@link LogCorpus}, from a fixed seed) into a file and the same records into a
 * {@link LogStore} (default settings, one thread, batches of {@value LogCorpus#BATCH}), reopens the store, and then times
 * each {@linkplain SearchCase search}: a rare word, a trace id, a common word, the errors of one service, and a regular
 * expression. The store counts the matches over the whole time range of the data, as {@code grep -c} counts the
 * matching lines of the whole file; the time of the newest 100 matches (what a log view shows first) is given beside
 * it. After the warm-up rounds, each measured round runs every search once in the store and once with grep (who goes
 * first alternates), and the table gives the best time of each, the counts, and whether they agree. Both read from
 * the page cache once warm: the machine needs room for the file and the store in memory.
 *
 * <p>Usage: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.vigil.benchmarks.logs.LogSearchDriver
 * [--size-mb 1024] [--rounds 5] [--warmup 1] [--seed 20260101] [--dir <folder>]}; see {@link SearchOptions}. It exits
 * with status 1 when a count differs.
 */
public final class LogSearchDriver {

    private static final int PAGE = 100;

    private LogSearchDriver() {}

    public static void main(String[] args) throws Exception {
        SearchOptions options;
        try {
            options = SearchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "java %s, %d cores; %,d MiB of JSON lines, seed %d; %d warm-up and %d measured rounds; grep: %s%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), options.megabytes(), options.seed(),
                options.warmup(), options.rounds(), grepVersion());
        Path dir = options.dir().orElse(null);
        boolean temporary = dir == null;
        Path work = temporary ? Files.createTempDirectory("vigil-log-search-") : Files.createDirectories(dir);
        Thread cleanup = new Thread(() -> deleteQuietly(work), "log-search-cleanup");
        if (temporary) {
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
        boolean allSame;
        try {
            SearchData data = SearchData.prepare(work, options, out);
            long opened = System.nanoTime();
            try (LogStore store = LogStore.open(data.store(), LogStoreSettings.defaults(), Clock.systemUTC())) {
                long jsonBytes = Files.size(data.json());
                out.printf(Locale.ROOT, "store: %,d records, %,d bytes on disk (%.1f %% of the JSON lines), reopened in %d ms%n%n",
                        store.recordCount(), store.bytesOnDisk(), 100.0 * store.bytesOnDisk() / jsonBytes,
                        (System.nanoTime() - opened) / 1_000_000);
                List<SearchTable.Row> rows = measure(store, data, options);
                out.printf(Locale.ROOT, "best of %d rounds after %d warm-up; store/grep below 1 means the store counts faster%n",
                        options.rounds(), options.warmup());
                SearchTable.print(rows, out);
                allSame = rows.stream().allMatch(SearchTable.Row::same);
            }
        } finally {
            if (temporary) {
                deleteQuietly(work);
                Runtime.getRuntime().removeShutdownHook(cleanup);
            }
        }
        if (!allSame) {
            System.err.println("the store and grep counted differently: the times above do not compare the same work");
            System.exit(1);
        }
    }

    private static List<SearchTable.Row> measure(LogStore store, SearchData data, SearchOptions options)
            throws IOException, InterruptedException {
        List<SearchCase> searches = SearchCase.all(data.all(), data.traceId());
        int n = searches.size();
        long[] storeCounts = new long[n];
        long[] grepCounts = new long[n];
        long[][] countNanos = new long[n][options.rounds()];
        long[][] pageNanos = new long[n][options.rounds()];
        long[][] grepNanos = new long[n][options.rounds()];
        for (int round = 0; round < options.warmup() + options.rounds(); round++) {
            int measured = round - options.warmup();
            for (int i = 0; i < n; i++) {
                SearchCase search = searches.get(i);
                boolean storeFirst = (round + i) % 2 == 0;
                long grepTime = storeFirst ? 0 : grep(search, data.json(), grepCounts, i);
                long t0 = System.nanoTime();
                long count = count(store, search.filter());
                long t1 = System.nanoTime();
                int page = store.search(LogSearch.newestFirst(search.filter(), PAGE)).records().size();
                long t2 = System.nanoTime();
                if (storeFirst) {
                    grepTime = grep(search, data.json(), grepCounts, i);
                }
                if (page != Math.min(PAGE, count)) {
                    throw new IllegalStateException(search.name() + ": the newest page holds " + page + " records of " + count);
                }
                if (round > 0 && count != storeCounts[i]) {
                    throw new IllegalStateException(search.name() + ": the store counted " + count + ", before " + storeCounts[i]);
                }
                storeCounts[i] = count;
                if (measured >= 0) {
                    countNanos[i][measured] = t1 - t0;
                    pageNanos[i][measured] = t2 - t1;
                    grepNanos[i][measured] = grepTime;
                }
            }
        }
        List<SearchTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new SearchTable.Row(searches.get(i), storeCounts[i], grepCounts[i], best(countNanos[i]), best(pageNanos[i]),
                    best(grepNanos[i])));
        }
        return rows;
    }

    /** Every record the filter takes, over its whole time range in one bucket. */
    private static long count(LogStore store, LogFilter filter) {
        LogCounts counts = store.counts(filter, Duration.between(filter.from(), filter.to()));
        long total = 0;
        for (LogCounts.Bucket bucket : counts.buckets()) {
            total += bucket.total();
        }
        return total;
    }

    /** Runs grep for {@code search}, keeps its count in {@code counts[i]} and returns its time. */
    private static long grep(SearchCase search, Path json, long[] counts, int i) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        counts[i] = Grep.count(search.grepCommand(json));
        return System.nanoTime() - t0;
    }

    private static long best(long[] nanos) {
        return Arrays.stream(nanos).min().orElseThrow();
    }

    private static String grepVersion() {
        try {
            Process p = new ProcessBuilder("grep", "--version").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .findFirst().orElse("?");
            p.waitFor();
            return first + ", LC_ALL=C";
        } catch (IOException e) {
            throw new IllegalStateException("grep is needed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            LogContexts.deleteTree(folder);
        } catch (IOException e) {
            System.err.println("could not delete " + folder + ": " + e);
        }
    }
}
