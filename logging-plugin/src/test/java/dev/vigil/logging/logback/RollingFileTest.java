package dev.vigil.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.config.ByteSize;
import dev.vigil.logging.Masker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** The file output rolls over by size and by day, and keeps the configured days and total size. */
class RollingFileTest {

    private static final Pattern ARCHIVE = Pattern.compile("vigil\\.(\\d{4}-\\d{2}-\\d{2})\\.(\\d+)\\.log(\\.gz)?");
    private static final String PADDING = "x".repeat(150);

    @TempDir
    Path dir;

    private OutputSettings file(ByteSize maxFileSize, int maxHistory, ByteSize totalSizeCap, boolean compress) {
        return OutputSettings.defaults()
                .withConsole(new ConsoleSettings(false, LogFormat.TEXT, ColorMode.NEVER, ConsoleTarget.AUTO))
                .withStore(new StoreOutputSettings(false, 1, "vigil", Duration.ZERO))
                .withFile(new FileSettings(true, dir.resolve("vigil.log"), LogFormat.JSON, maxFileSize, maxHistory,
                        totalSizeCap, compress));
    }

    @Test
    void rollsOverBySizeAndLosesNoLine() throws Exception {
        try (Fixture f = new Fixture()) {
            f.outputs.apply(file(ByteSize.ofBytes(4096), 7, ByteSize.ofBytes(0), false), Masker.NONE);
            Logger log = f.logger("a.B");
            for (int i = 0; i < 300; i++) {
                log.info("event {} {}", i, PADDING);
            }
        }
        List<Path> archives = archives();
        assertThat(archives).as("rolled files in %s", listing()).hasSizeGreaterThan(5);
        for (Path a : archives) {
            // a file rolls over with the event that takes it past the size
            assertThat(Files.size(a)).isLessThan(4096 + 1024);
        }
        List<Integer> events = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Path p : allFilesOldestFirst()) {
            for (String line : read(p)) {
                events.add(Integer.parseInt(json.readTree(line).get("message").asText().split(" ")[1]));
            }
        }
        assertThat(events).hasSize(300).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void keepsTheTotalSizeOfRolledFilesUnderTheCapDeletingTheOldest() throws Exception {
        try (Fixture f = new Fixture()) {
            f.outputs.apply(file(ByteSize.ofBytes(4096), 7, ByteSize.ofBytes(16384), false), Masker.NONE);
            Logger log = f.logger("a.B");
            for (int i = 0; i < 500; i++) {
                log.info("event {} {}", i, PADDING);
            }
            assertThat(totalSize(archives())).isLessThanOrEqualTo(16384);
            List<Integer> indexes = archives().stream().map(RollingFileTest::index).sorted().toList();
            assertThat(indexes).as("rolled files in %s", listing()).isNotEmpty();
            // what is left is the newest: consecutive indexes up to the last one rolled
            assertThat(indexes.get(indexes.size() - 1) - indexes.get(0)).isEqualTo(indexes.size() - 1);
            assertThat(indexes.get(0)).isGreaterThan(0);
            assertThat(read(dir.resolve("vigil.log")).get(0)).isNotEmpty();
        }
    }

    @Test
    void keepsMaxHistoryDaysOfRolledFiles() throws Exception {
        ZoneId zone = ZoneId.systemDefault();
        Set<LocalDate> seen = new TreeSet<>();
        try (Fixture f = new Fixture()) {
            f.outputs.apply(file(ByteSize.ofBytes(4096), 2, ByteSize.ofBytes(0), false), Masker.NONE);
            Logger log = f.logger("a.B");
            for (int day = 0; day < 6; day++) {
                LocalDate today = LocalDate.ofInstant(f.clock.instant(), zone);
                for (int i = 0; i < 40; i++) {
                    log.info("day {} event {} {}", day, i, PADDING);
                }
                archives().forEach(a -> seen.add(day(a)));
                // old days go as a file rolls over
                assertThat(archives()).allSatisfy(a -> assertThat(day(a)).isAfterOrEqualTo(today.minusDays(2)));
                f.clock.advance(Duration.ofDays(1));
            }
            LocalDate today = LocalDate.ofInstant(f.clock.instant(), zone);
            log.info("today");
            Set<LocalDate> kept = new TreeSet<>();
            archives().forEach(a -> kept.add(day(a)));
            // the two days before today are kept, older ones are gone
            assertThat(kept).containsExactly(today.minusDays(2), today.minusDays(1));
            assertThat(seen).hasSizeGreaterThanOrEqualTo(5);
            assertThat(read(dir.resolve("vigil.log"))).singleElement().satisfies(l -> assertThat(l).contains("\"today\""));
        }
    }

    @Test
    void compressesRolledFiles() throws Exception {
        try (Fixture f = new Fixture()) {
            f.outputs.apply(file(ByteSize.ofBytes(4096), 7, ByteSize.ofBytes(0), true), Masker.NONE);
            Logger log = f.logger("a.B");
            for (int i = 0; i < 100; i++) {
                log.info("event {} {}", i, PADDING);
            }
        }
        List<Path> archives = archives();
        assertThat(archives).as("rolled files in %s", listing()).hasSizeGreaterThan(4)
                .allMatch(p -> p.toString().endsWith(".log.gz"));
        assertThat(archives.stream().map(RollingFileTest::index).sorted().toList())
                .isEqualTo(IntStream.range(0, archives.size()).boxed().toList());
        List<String> first = read(archives.stream().filter(p -> index(p) == 0).findFirst()
                .orElseThrow(() -> new AssertionError("no first rolled file in " + listing())));
        assertThat(first).isNotEmpty();
        assertThat(new ObjectMapper().readTree(first.get(0)).get("message").asText()).startsWith("event 0 ");
    }

    private List<Path> archives() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> ARCHIVE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String listing() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName() + "=" + p.toFile().length()).sorted().toList().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> allFilesOldestFirst() {
        List<Path> files = new ArrayList<>(archives());
        files.sort((a, b) -> Integer.compare(index(a), index(b)));
        files.add(dir.resolve("vigil.log"));
        return files;
    }

    private static int index(Path archive) {
        Matcher m = ARCHIVE.matcher(archive.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(archive.toString());
        }
        return Integer.parseInt(m.group(2));
    }

    private static LocalDate day(Path archive) {
        Matcher m = ARCHIVE.matcher(archive.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(archive.toString());
        }
        return LocalDate.parse(m.group(1));
    }

    private static long totalSize(List<Path> files) {
        long total = 0;
        for (Path p : files) {
            try {
                total += Files.size(p);
            } catch (IOException e) {
                // deleted meanwhile
                continue;
            }
        }
        return total;
    }

    private static List<String> read(Path p) throws IOException {
        if (p.toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
        }
        return Files.readAllLines(p, StandardCharsets.UTF_8);
    }
}
