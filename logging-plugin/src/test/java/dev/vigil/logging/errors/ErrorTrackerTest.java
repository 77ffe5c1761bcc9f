package dev.vigil.logging.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import dev.vigil.testkit.TestingClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorTrackerTest {

    @TempDir
    Path dir;
    TestingClock clock = new TestingClock(Instant.parse("2026-01-15T10:00:00Z"));
    ErrorTracker tracker;
    List<ErrorEvent> events = new ArrayList<>();

    @BeforeEach
    void open() {
        tracker = ErrorTracker.open(dir, ErrorTrackingSettings.defaults(), clock);
        tracker.addListener(events::add);
    }

    @AfterEach
    void close() {
        tracker.close();
    }

    // three call sites of the same failing code
    private static void load(int order) {
        throw new IllegalStateException("order " + order + " not found for customer " + (order * 7) + "@example.com");
    }

    private static void checkout(int order) {
        load(order);
    }

    private static void refund(int order) {
        load(order);
    }

    private static void report(int order) {
        load(order);
    }

    private LogRecord occurrence(int i) {
        try {
            switch (i % 3) {
                case 0 -> checkout(i);
                case 1 -> refund(i);
                default -> report(i);
            }
            throw new AssertionError("unreachable");
        } catch (IllegalStateException e) {
            clock.advance(Duration.ofMillis(10));
            return ErrorRecords.of(e, clock.instant(), "orders", "enduser.id", "user-" + (i % 50));
        }
    }

    @Test
    void aThousandOccurrencesFromThreeCallSitesMakeThreeIssues() {
        for (int i = 0; i < 1000; i++) {
            assertThat(tracker.record(occurrence(i))).isPresent();
        }

        List<ErrorIssue> issues = tracker.list(IssueQuery.all()).issues();
        assertThat(issues).hasSize(3);
        assertThat(issues).extracting(ErrorIssue::count).containsExactlyInAnyOrder(334L, 333L, 333L);
        assertThat(issues).extracting(ErrorIssue::culprit).containsOnly(getClass().getName() + ".load");
        assertThat(issues).extracting(ErrorIssue::title).containsOnly("IllegalStateException: order <num> not found for customer <email>");
        assertThat(issues).extracting(ErrorIssue::type).containsOnly("java.lang.IllegalStateException");
        assertThat(issues).extracting(i -> i.users().count()).containsOnly(50);
        assertThat(issues.get(0).services()).containsExactly("orders");
        assertThat(events).extracting(ErrorEvent::kind).containsExactly(ErrorEvent.Kind.NEW_ISSUE, ErrorEvent.Kind.NEW_ISSUE,
                ErrorEvent.Kind.NEW_ISSUE);
        assertThat(issues).extracting(ErrorIssue::id).allMatch(id -> id.matches("[0-9a-f]{16}")).doesNotHaveDuplicates();
    }

    private static String trace(int lineOfLoad, int lineOfCaller, String caller) {
        return "java.lang.IllegalStateException: order 42 not found\n"
                + "\tat com.example.orders.OrderRepository.load(OrderRepository.java:" + lineOfLoad + ")\n"
                + "\tat com.example.orders.OrderService." + caller + "(OrderService.java:" + lineOfCaller + ")\n"
                + "\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)\n"
                + "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n";
    }

    private LogRecord textual(String type, String message, String trace) {
        clock.advance(Duration.ofSeconds(1));
        return ErrorRecords.record(type, message, trace, clock.instant(), "orders");
    }

    @Test
    void aDeployThatShiftsLinesKeepsTheIssue() {
        ErrorIssue before = tracker.record(textual("java.lang.IllegalStateException", "order 42 not found", trace(55, 31, "get"))).orElseThrow();
        ErrorIssue after = tracker.record(textual("java.lang.IllegalStateException", "order 42 not found", trace(61, 40, "get"))).orElseThrow();
        ErrorIssue elsewhere = tracker.record(textual("java.lang.IllegalStateException", "order 42 not found", trace(55, 31, "cancel"))).orElseThrow();

        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.count()).isEqualTo(2);
        assertThat(elsewhere.id()).isNotEqualTo(before.id());
        assertThat(before.culprit()).isEqualTo("com.example.orders.OrderRepository.load");
    }

    @Test
    void differentParametersInTheMessageKeepOneIssue() {
        for (String message : List.of("order 1 not found", "order 98765 not found", "order 3f2a9c1e7b not found")) {
            tracker.record(textual("java.lang.IllegalStateException", message, trace(55, 31, "get").replace("order 42 not found", message)));
        }
        assertThat(tracker.size()).isEqualTo(1);
    }

    @Test
    void withoutAStackTraceTheNormalisedMessageGroups() {
        ErrorIssue a = tracker.record(textual("TimeoutError", "no answer from 10.0.0.7 after 3000 ms", "")).orElseThrow();
        ErrorIssue b = tracker.record(textual("TimeoutError", "no answer from 10.0.0.9 after 5000 ms", "")).orElseThrow();
        ErrorIssue c = tracker.record(textual("ConnectionError", "no answer from 10.0.0.7 after 3000 ms", "")).orElseThrow();
        ErrorIssue d = tracker.record(textual("TimeoutError", "pool exhausted", "Traceback (most recent call last):\n  File \"x.py\"")).orElseThrow();

        assertThat(b.id()).isEqualTo(a.id());
        assertThat(c.id()).isNotEqualTo(a.id());
        assertThat(d.id()).isNotEqualTo(a.id());
        assertThat(a.title()).isEqualTo("TimeoutError: no answer from <num> after <num> ms");
        assertThat(a.culprit()).isEqualTo("com.example.Handler");
    }

    @Test
    void chainsGroupOnTheRootCauseWhateverWrapsIt() {
        String root = "Caused by: java.sql.SQLException: connection refused\n"
                + "\tat org.postgresql.Driver.connect(Driver.java:300)\n"
                + "\tat com.example.orders.OrderRepository.load(OrderRepository.java:50)\n"
                + "\t... 2 more\n";
        String viaServlet = "jakarta.servlet.ServletException: request failed\n"
                + "\tat com.example.orders.OrderService.get(OrderService.java:31)\n"
                + "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n" + root;
        String viaService = "com.example.orders.OrderException: could not load order 7\n"
                + "\tat com.example.orders.OrderService.get(OrderService.java:33)\n"
                + "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n" + root;

        ErrorIssue a = tracker.record(textual("jakarta.servlet.ServletException", "request failed", viaServlet)).orElseThrow();
        ErrorIssue b = tracker.record(textual("com.example.orders.OrderException", "could not load order 7", viaService)).orElseThrow();

        assertThat(b.id()).isEqualTo(a.id());
        assertThat(a.type()).isEqualTo("java.sql.SQLException");
        assertThat(a.title()).isEqualTo("SQLException: connection refused");
        assertThat(a.culprit()).isEqualTo("com.example.orders.OrderRepository.load");
    }

    @Test
    void recordsWithoutAnExceptionAreNoOccurrences() {
        LogRecord plain = new LogRecord(1, Severity.ERROR, "ERROR", "disk almost full", Map.of(), "", Map.of(), "", "");
        assertThat(tracker.record(plain)).isEmpty();
        assertThat(tracker.size()).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void aResolvedIssueThatOccursAgainRegressesOnce() {
        String id = tracker.record(occurrence(0)).orElseThrow().id();
        assertThat(tracker.setStatus(id, IssueStatus.RESOLVED).orElseThrow().status()).isEqualTo(IssueStatus.RESOLVED);

        clock.advance(Duration.ofMinutes(5));
        ErrorIssue reopened = tracker.record(occurrence(3)).orElseThrow();
        tracker.record(occurrence(6));
        tracker.record(occurrence(9));

        assertThat(reopened.status()).isEqualTo(IssueStatus.UNRESOLVED);
        assertThat(events).extracting(ErrorEvent::kind).containsExactly(ErrorEvent.Kind.NEW_ISSUE, ErrorEvent.Kind.REGRESSION);
        assertThat(events.get(1).issue().id()).isEqualTo(id);
        assertThat(events.get(1).issue().count()).isEqualTo(2);

        tracker.setStatus(id, IssueStatus.RESOLVED);
        clock.advance(Duration.ofMinutes(1));
        tracker.record(occurrence(12));
        assertThat(events).extracting(ErrorEvent::kind).containsExactly(ErrorEvent.Kind.NEW_ISSUE, ErrorEvent.Kind.REGRESSION,
                ErrorEvent.Kind.REGRESSION);
    }

    @Test
    void anOccurrenceFromBeforeTheResolutionIsNoRegression() {
        LogRecord late = occurrence(0);
        String id = tracker.record(occurrence(3)).orElseThrow().id();
        clock.advance(Duration.ofSeconds(1));
        tracker.setStatus(id, IssueStatus.RESOLVED);

        ErrorIssue after = tracker.record(late).orElseThrow();

        assertThat(after.status()).isEqualTo(IssueStatus.RESOLVED);
        assertThat(after.count()).isEqualTo(2);
        assertThat(events).extracting(ErrorEvent::kind).containsExactly(ErrorEvent.Kind.NEW_ISSUE);
    }

    @Test
    void ignoredIssuesCountButRaiseNothing() {
        String id = tracker.record(occurrence(0)).orElseThrow().id();
        tracker.setStatus(id, IssueStatus.IGNORED);
        tracker.record(occurrence(3));
        assertThat(tracker.issue(id).orElseThrow().count()).isEqualTo(2);
        assertThat(tracker.issue(id).orElseThrow().status()).isEqualTo(IssueStatus.IGNORED);
        assertThat(events).hasSize(1);
        assertThat(tracker.setStatus("0000000000000000", IssueStatus.RESOLVED)).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        tracker.addListener(e -> {
            throw new IllegalStateException("listener bug");
        });
        List<ErrorEvent> after = new ArrayList<>();
        tracker.addListener(after::add);
        assertThat(tracker.record(occurrence(0))).isPresent();
        assertThat(after).hasSize(1);
    }

    @Test
    void usersAreCountedExactlyUpToTheCap() {
        tracker.close();
        tracker = ErrorTracker.open(dir, new ErrorTrackingSettings(true, List.of(), List.of(), 10, 5, Duration.ZERO), clock);
        for (int i = 0; i < 4; i++) {
            tracker.record(withUser(occurrence(0), "ada-" + i));
        }
        ErrorIssue four = tracker.record(withUser(occurrence(0), "ada-0")).orElseThrow();
        assertThat(four.users()).isEqualTo(new ErrorIssue.AffectedUsers(4, false));
        for (int i = 0; i < 10; i++) {
            tracker.record(withUser(occurrence(0), "bob-" + i));
        }
        assertThat(tracker.list(IssueQuery.all()).issues().get(0).users()).isEqualTo(new ErrorIssue.AffectedUsers(5, true));
    }

    @Test
    void theIssueSeenLongestAgoIsForgottenPastTheLimit() {
        tracker.close();
        tracker = ErrorTracker.open(dir, new ErrorTrackingSettings(true, List.of(), List.of(), 2, 10, Duration.ZERO), clock);
        String a = tracker.record(textual("A", "a", "")).orElseThrow().id();
        String b = tracker.record(textual("B", "b", "")).orElseThrow().id();
        tracker.record(textual("A", "a", ""));
        String c = tracker.record(textual("C", "c", "")).orElseThrow().id();

        assertThat(tracker.size()).isEqualTo(2);
        assertThat(tracker.issue(b)).isEmpty();
        assertThat(tracker.issue(a)).isPresent();
        assertThat(tracker.issue(c)).isPresent();
    }

    @Test
    void listingFiltersSortsAndPages() {
        tracker.record(textual("A", "a", ""));
        clock.advance(Duration.ofSeconds(1));
        tracker.record(ErrorRecords.record("B", "b", "", clock.instant(), "billing"));
        clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            tracker.record(textual("C", "disk full on /var", ""));
        }
        String a = tracker.list(new IssueQuery(Optional.empty(), Optional.empty(), "a", IssueQuery.Sort.COUNT, 10, 1)).issues()
                .stream().filter(i -> i.type().equals("A")).findFirst().orElseThrow().id();
        tracker.setStatus(a, IssueStatus.RESOLVED);

        assertThat(titles(new IssueQuery(Optional.empty(), Optional.empty(), "", IssueQuery.Sort.LAST_SEEN, 10, 1))).containsExactly("C: disk full on /var", "B: b", "A: a");
        assertThat(titles(new IssueQuery(Optional.empty(), Optional.empty(), "", IssueQuery.Sort.COUNT, 10, 1)).get(0)).isEqualTo("C: disk full on /var");
        assertThat(titles(new IssueQuery(Optional.empty(), Optional.empty(), "", IssueQuery.Sort.FIRST_SEEN, 10, 1))).containsExactly("C: disk full on /var", "B: b", "A: a");
        assertThat(titles(new IssueQuery(Optional.of("billing"), Optional.empty(), "", IssueQuery.Sort.LAST_SEEN, 10, 1))).containsExactly("B: b");
        assertThat(titles(new IssueQuery(Optional.empty(), Optional.of(IssueStatus.RESOLVED), "", IssueQuery.Sort.LAST_SEEN, 10, 1))).containsExactly("A: a");
        assertThat(titles(new IssueQuery(Optional.empty(), Optional.empty(), "DISK", IssueQuery.Sort.LAST_SEEN, 10, 1))).containsExactly("C: disk full on /var");
        IssuePage second = tracker.list(new IssueQuery(Optional.empty(), Optional.empty(), "", IssueQuery.Sort.LAST_SEEN, 2, 2));
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.issues()).extracting(ErrorIssue::title).containsExactly("A: a");
        assertThat(tracker.list(new IssueQuery(Optional.empty(), Optional.empty(), "", IssueQuery.Sort.LAST_SEEN, 2, 9)).issues()).isEmpty();
    }

    private static LogRecord withUser(LogRecord r, String user) {
        Map<String, String> attributes = new java.util.HashMap<>(r.attributes());
        attributes.put("enduser.id", user);
        return new LogRecord(r.timeNanos(), r.severity(), r.severityText(), r.body(), r.resource(), r.scope(), attributes, r.traceId(),
                r.spanId());
    }

    private List<String> titles(IssueQuery query) {
        return tracker.list(query).issues().stream().map(ErrorIssue::title).toList();
    }
}
