package dev.vigil.alerting.outbox.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.testkit.TestingClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationHistoryTest {

    private static final HistorySettings SMALL = new HistorySettings(Duration.ofDays(7), 64 * 1024, 4096, Duration.ofDays(1));

    @TempDir
    Path dir;

    private final TestingClock clock = new TestingClock();
    private final List<NotificationHistory> opened = new ArrayList<>();

    @AfterEach
    void tearDown() {
        opened.forEach(NotificationHistory::close);
    }

    @Test
    void queriesFilterAndReturnNewestFirst() throws IOException {
        NotificationHistory history = open(HistorySettings.defaults());
        Instant t0 = clock.instant();
        history.record(entry("n1", "ops", "DiskFull", DeliveryResult.Outcome.RETRY));
        clock.advance(Duration.ofMinutes(1));
        history.record(entry("n1", "ops", "DiskFull", DeliveryResult.Outcome.DELIVERED));
        clock.advance(Duration.ofMinutes(1));
        history.record(entry("n2", "dev", "HighLatency", DeliveryResult.Outcome.FAILED));
        clock.advance(Duration.ofMinutes(1));
        history.record(entry("n3", "ops", "HighLatency", DeliveryResult.Outcome.DELIVERED));

        assertThat(ids(history.query(HistoryQuery.all()))).containsExactly("n3", "n2", "n1", "n1");
        assertThat(ids(history.query(HistoryQuery.builder().receiver("ops").build()))).containsExactly("n3", "n1", "n1");
        assertThat(ids(history.query(HistoryQuery.builder().outcome(DeliveryResult.Outcome.DELIVERED).build()))).containsExactly("n3", "n1");
        assertThat(ids(history.query(HistoryQuery.builder().alertName("HighLatency").build()))).containsExactly("n3", "n2");
        assertThat(ids(history.query(HistoryQuery.builder().notificationId("n1").build()))).containsExactly("n1", "n1");
        assertThat(ids(history.query(HistoryQuery.builder().from(t0.plusSeconds(60)).to(t0.plusSeconds(180)).build()))).containsExactly("n2", "n1");
        assertThat(history.query(HistoryQuery.builder().receiver("ops").outcome(DeliveryResult.Outcome.RETRY).build()).entries())
                .singleElement().satisfies(e -> assertThat(e.at()).isEqualTo(t0));
    }

    @Test
    void pagesWalkTheWholeHistoryAcrossSegmentsWithoutGapsOrRepeats() throws IOException {
        NotificationHistory history = open(SMALL);
        for (int i = 0; i < 200; i++) {
            history.record(entry("n" + i, i % 2 == 0 ? "even" : "odd", "A", DeliveryResult.Outcome.DELIVERED));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(segmentFiles()).hasSizeGreaterThan(3);

        List<String> walked = new ArrayList<>();
        HistoryQuery query = HistoryQuery.builder().receiver("odd").limit(7).build();
        int pages = 0;
        while (true) {
            HistoryPage page = history.query(query);
            pages++;
            walked.addAll(ids(page));
            if (page.nextPageToken().isEmpty()) {
                break;
            }
            query = query.page(page.nextPageToken().get());
        }

        List<String> expected = new ArrayList<>();
        for (int i = 199; i >= 0; i -= 2) {
            expected.add("n" + i);
        }
        assertThat(walked).isEqualTo(expected);
        assertThat(pages).isEqualTo(15);
    }

    @Test
    void aPageThatEndsExactlyAtTheLastEntryHasNoNextToken() throws IOException {
        NotificationHistory history = open(HistorySettings.defaults());
        history.record(entry("n1", "ops", "A", DeliveryResult.Outcome.DELIVERED));
        history.record(entry("n2", "ops", "A", DeliveryResult.Outcome.DELIVERED));

        HistoryPage page = history.query(HistoryQuery.builder().limit(2).build());

        assertThat(ids(page)).containsExactly("n2", "n1");
        assertThat(page.nextPageToken()).isEmpty();
        assertThatThrownBy(() -> history.query(HistoryQuery.all().page("nonsense"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a history page token: nonsense");
    }

    @Test
    void oldSegmentsGoByAgeAndBySize() throws IOException {
        NotificationHistory history = open(SMALL);
        for (int day = 0; day < 10; day++) {
            history.record(entry("day" + day, "ops", "A", DeliveryResult.Outcome.DELIVERED));
            clock.advance(Duration.ofDays(1));
        }
        history.enforceRetention();
        List<String> kept = ids(history.query(HistoryQuery.all()));
        assertThat(kept).containsExactly("day9", "day8", "day7", "day6", "day5", "day4", "day3");

        for (int i = 0; i < 2000; i++) {
            history.record(entry("bulk" + i, "ops", "A", DeliveryResult.Outcome.DELIVERED));
        }
        assertThat(history.sizeBytes()).isLessThanOrEqualTo(SMALL.maxBytes());
        assertThat(ids(history.query(HistoryQuery.builder().limit(1).build()))).containsExactly("bulk1999");
    }

    @Test
    void historySurvivesAReopenAndATornLastEntry() throws IOException {
        NotificationHistory history = open(HistorySettings.defaults());
        history.record(entry("n1", "ops", "A", DeliveryResult.Outcome.DELIVERED));
        history.record(entry("n2", "ops", "A", DeliveryResult.Outcome.DELIVERED));
        history.close();
        Path file = segmentFiles().get(0);
        long size = Files.size(file);
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size - 3);
        }

        NotificationHistory reopened = open(HistorySettings.defaults());
        reopened.record(entry("n3", "ops", "A", DeliveryResult.Outcome.DELIVERED));

        assertThat(ids(reopened.query(HistoryQuery.all()))).containsExactly("n3", "n1");
        assertThat(reopened.writeFailures()).isZero();
    }

    @Test
    void anEntryComesBackWhole() throws IOException {
        NotificationHistory history = open(HistorySettings.defaults());
        HistoryEntry entry = new HistoryEntry(Instant.parse("2026-01-01T00:00:00.5Z"), "id-1", "ops", "slack[1]", "slack", AlertStatus.RESOLVED,
                "{}:{a=\"b\"}", List.of("A", "B"), List.of("f1", "f2", "f3"), 4, DeliveryResult.Outcome.RETRY, "HTTP 429 – slow down",
                Duration.ofMillis(1234));
        history.record(entry);

        assertThat(history.query(HistoryQuery.all()).entries()).containsExactly(entry);
        assertThat(history.query(HistoryQuery.all()).nextPageToken()).isEqualTo(Optional.empty());
    }

    private NotificationHistory open(HistorySettings settings) throws IOException {
        NotificationHistory history = NotificationHistory.open(dir, settings, clock);
        opened.add(history);
        return history;
    }

    private HistoryEntry entry(String id, String receiver, String alertName, DeliveryResult.Outcome outcome) {
        return new HistoryEntry(clock.instant(), id, receiver, "webhook[0]", "webhook", AlertStatus.FIRING, "{}:{}", List.of(alertName),
                List.of("fp"), 1, outcome, "HTTP 200", Duration.ofMillis(12));
    }

    private static List<String> ids(HistoryPage page) {
        return page.entries().stream().map(HistoryEntry::notificationId).toList();
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("history-")).sorted().toList();
        }
    }
}
