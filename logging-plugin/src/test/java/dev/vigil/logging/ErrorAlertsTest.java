package dev.vigil.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertSink;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import dev.vigil.logging.errors.ErrorTracker;
import dev.vigil.logging.errors.ErrorTrackingSettings;
import dev.vigil.logging.errors.IssueStatus;
import dev.vigil.testkit.TestingClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error tracking's events as alerts, through a real tracker. */
class ErrorAlertsTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    private static LogRecord failure(Instant at, int line) {
        String trace = "java.lang.IllegalStateException: cart 42 is empty\n"
                + "\tat com.example.shop.Cart.checkout(Cart.java:" + line + ")\n"
                + "\tat com.example.shop.CheckoutServlet.doPost(CheckoutServlet.java:31)\n";
        return new LogRecord(at.toEpochMilli() * 1_000_000L, Severity.ERROR, "ERROR", "checkout failed", Map.of("service.name", "shop"),
                "com.example.shop.Cart", Map.of("exception.type", "java.lang.IllegalStateException",
                        "exception.message", "cart 42 is empty", "exception.stacktrace", trace), "", "");
    }

    @Test
    void aNewIssueAndARegressionEachPostOneFiringAlert() {
        List<Alert> posted = new ArrayList<>();
        AlertSink sink = posted::addAll;
        TestingClock clock = new TestingClock(T0);
        try (ErrorTracker tracker = ErrorTracker.open(dir, ErrorTrackingSettings.defaults(), clock)) {
            tracker.addListener(new ErrorAlerts(() -> Optional.of(sink)));

            tracker.accept(List.of(failure(T0, 10), failure(T0.plusSeconds(1), 12), failure(T0.plusSeconds(2), 10)));
            assertThat(posted).singleElement().satisfies(alert -> {
                assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
                assertThat(alert.endsAt()).isEmpty();
                assertThat(alert.labels()).containsEntry("alertname", "ErrorIssue").containsEntry("event", "new")
                        .containsEntry("exception", "java.lang.IllegalStateException").containsEntry("service", "shop")
                        .containsKey("issue");
                assertThat(alert.annotations().get("summary")).startsWith("IllegalStateException: cart");
                assertThat(alert.annotations().get("culprit")).isEqualTo("com.example.shop.Cart.checkout");
            });

            String issue = posted.get(0).labels().get("issue");
            tracker.setStatus(issue, IssueStatus.RESOLVED);
            clock.advance(Duration.ofHours(1));
            tracker.accept(List.of(failure(clock.instant(), 10)));

            assertThat(posted).hasSize(2);
            assertThat(posted.get(1).labels()).containsEntry("event", "regression").containsEntry("issue", issue);
        }
    }

    @Test
    void withoutAlertingEventsAreOnlyLogged() {
        try (ErrorTracker tracker = ErrorTracker.open(dir, ErrorTrackingSettings.defaults(), new TestingClock(T0))) {
            tracker.addListener(new ErrorAlerts(Optional::empty));
            tracker.accept(List.of(failure(T0, 10)));
            assertThat(tracker.size()).isEqualTo(1);
        }
    }
}
