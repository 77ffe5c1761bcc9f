package dev.vigil.logging.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testkit.TestingClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorTrackerPersistenceTest {

    @TempDir
    Path dir;
    TestingClock clock = new TestingClock(Instant.parse("2026-01-15T10:00:00Z"));

    private ErrorTracker open() {
        return ErrorTracker.open(dir, ErrorTrackingSettings.defaults(), clock);
    }

    private static String trace(String method) {
        return "java.lang.IllegalStateException: order 7 not found\n\tat com.example.orders.OrderService." + method
                + "(OrderService.java:31)\n\tat java.base/java.lang.Thread.run(Thread.java:1583)\n";
    }

    @Test
    void issuesSurviveClosingAndOpeningAgain() {
        ErrorIssue resolved;
        ErrorIssue open;
        try (ErrorTracker tracker = open()) {
            tracker.record(ErrorRecords.record("java.lang.IllegalStateException", "order 7 not found", trace("get"), clock.instant(), "orders",
                    "enduser.id", "ada@example.com"));
            clock.advance(Duration.ofSeconds(1));
            tracker.record(ErrorRecords.record("java.lang.IllegalStateException", "order 8 not found", trace("get"), clock.instant(), "checkout",
                    "user.id", "42"));
            open = tracker.record(ErrorRecords.record("TimeoutError", "slow", "", clock.instant(), "orders")).orElseThrow();
            String id = tracker.list(IssueQuery.all()).issues().stream().filter(i -> i.count() == 2).findFirst().orElseThrow().id();
            resolved = tracker.setStatus(id, IssueStatus.RESOLVED).orElseThrow();
        }
        assertThat(dir.resolve("issues.json")).exists();
        assertThat(Files.exists(dir.resolve("issues.json.tmp"))).isFalse();

        try (ErrorTracker tracker = open()) {
            assertThat(tracker.size()).isEqualTo(2);
            assertThat(tracker.issue(resolved.id())).contains(resolved);
            assertThat(tracker.issue(open.id())).contains(open);
            assertThat(resolved.users()).isEqualTo(new ErrorIssue.AffectedUsers(2, false));
            assertThat(resolved.services()).containsExactly("checkout", "orders");

            // the resolution time came back too: an occurrence after it is a regression, and a known user is not counted twice
            clock.advance(Duration.ofMinutes(1));
            ErrorIssue again = tracker.record(ErrorRecords.record("java.lang.IllegalStateException", "order 9 not found", trace("get"),
                    clock.instant(), "orders", "enduser.id", "ada@example.com")).orElseThrow();
            assertThat(again.status()).isEqualTo(IssueStatus.UNRESOLVED);
            assertThat(again.users().count()).isEqualTo(2);
        }
    }

    @Test
    void writesAtMostOncePerSaveIntervalAndOnClose() throws Exception {
        Path file = dir.resolve("issues.json");
        ErrorTracker tracker = open();
        tracker.record(ErrorRecords.record("A", "a", "", clock.instant(), "orders"));
        assertThat(file).exists();
        String first = Files.readString(file);

        clock.advance(Duration.ofSeconds(2));
        tracker.record(ErrorRecords.record("B", "b", "", clock.instant(), "orders"));
        assertThat(Files.readString(file)).isEqualTo(first);
        assertThat(tracker.saveIfDue()).isFalse();

        clock.advance(Duration.ofSeconds(3));
        assertThat(tracker.saveIfDue()).isTrue();
        assertThat(Files.readString(file)).contains("\"B\"");
        assertThat(tracker.saveIfDue()).isFalse();

        tracker.record(ErrorRecords.record("C", "c", "", clock.instant(), "orders"));
        tracker.close();
        assertThat(Files.readString(file)).contains("\"C\"");
        assertThat(tracker.record(ErrorRecords.record("D", "d", "", clock.instant(), "orders"))).isEmpty();
    }

    @Test
    void anUnreadableFileIsMovedAsideAndTrackingStartsEmpty() throws Exception {
        Files.writeString(dir.resolve("issues.json"), "{\"version\":1,\"issues\":[{\"id\":");
        try (ErrorTracker tracker = open()) {
            assertThat(tracker.size()).isZero();
            tracker.record(ErrorRecords.record("A", "a", "", clock.instant(), "orders"));
        }
        assertThat(dir.resolve("issues.json.unreadable")).hasContent("{\"version\":1,\"issues\":[{\"id\":");
        try (ErrorTracker tracker = open()) {
            assertThat(tracker.size()).isEqualTo(1);
        }
    }

    @Test
    void aSmallerLimitForgetsTheOldestOnOpening() {
        try (ErrorTracker tracker = open()) {
            for (String type : List.of("A", "B", "C")) {
                clock.advance(Duration.ofSeconds(1));
                tracker.record(ErrorRecords.record(type, type, "", clock.instant(), "orders"));
            }
        }
        try (ErrorTracker tracker = ErrorTracker.open(dir, new ErrorTrackingSettings(true, List.of(), List.of(), 2, 10, Duration.ZERO), clock)) {
            assertThat(tracker.list(IssueQuery.all()).issues()).extracting(ErrorIssue::type).containsExactly("C", "B");
        }
    }
}
