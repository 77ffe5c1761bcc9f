package dev.vigil.logging.errors;

import dev.vigil.api.logs.LogRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One issue as the tracker keeps it. Users are kept as 64-bit hashes of their ids, sorted, so that counting them
 * needs neither the ids themselves (which are often e-mail addresses) nor more than 8 bytes each. Not thread-safe:
 * the tracker guards it.
 */
final class IssueState {

    /** The most services an issue lists. */
    static final int MAX_SERVICES = 100;
    /** The longest attribute value or body a sample keeps; a stack trace beyond it is cut. */
    static final int MAX_SAMPLE_VALUE = 32 * 1024;

    final String id;
    String type;
    String title;
    String culprit;
    Instant firstSeen;
    Instant lastSeen;
    long count;
    long[] users;
    int userCount;
    boolean usersAtLeast;
    final Set<String> services = new TreeSet<>();
    LogRecord sample;
    IssueStatus status = IssueStatus.UNRESOLVED;
    @Nullable Instant resolvedAt;

    IssueState(Fingerprint fingerprint, Instant time, LogRecord record) {
        this.id = fingerprint.id();
        this.type = fingerprint.type();
        this.title = fingerprint.title();
        this.culprit = fingerprint.culprit();
        this.firstSeen = time;
        this.lastSeen = time;
        this.users = new long[4];
        this.sample = bounded(record);
    }

    /** Restores a saved issue. */
    IssueState(String id, String type, String title, String culprit, Instant firstSeen, Instant lastSeen, long count, long[] users,
            boolean usersAtLeast, Set<String> services, LogRecord sample, IssueStatus status, @Nullable Instant resolvedAt) {
        this.id = id;
        this.type = type;
        this.title = title;
        this.culprit = culprit;
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
        this.count = count;
        this.users = users.clone();
        Arrays.sort(this.users);
        this.userCount = this.users.length;
        this.usersAtLeast = usersAtLeast;
        this.services.addAll(services);
        this.sample = sample;
        this.status = status;
        this.resolvedAt = resolvedAt;
    }

    /**
     * Counts an occurrence at {@code time}.
     *
     * @return whether it is a regression: the issue was resolved before {@code time}, and is now unresolved
     */
    boolean occur(Instant time, LogRecord record, int maxUsers) {
        count++;
        if (time.isBefore(firstSeen)) {
            firstSeen = time;
        }
        if (!time.isBefore(lastSeen)) {
            lastSeen = time;
            sample = bounded(record);
        }
        if (services.size() < MAX_SERVICES) {
            services.add(record.service());
        }
        String user = user(record);
        if (user != null) {
            addUser(hash(user), maxUsers);
        }
        if (status == IssueStatus.RESOLVED && (resolvedAt == null || time.isAfter(resolvedAt))) {
            status = IssueStatus.UNRESOLVED;
            resolvedAt = null;
            return true;
        }
        return false;
    }

    /** The user of an occurrence: OpenTelemetry's {@code enduser.id}, else {@code user.id}; null when neither is set. */
    static @Nullable String user(LogRecord record) {
        String user = record.attributes().get("enduser.id");
        if (user == null || user.isEmpty()) {
            user = record.attributes().get("user.id");
        }
        return user == null || user.isEmpty() ? null : user;
    }

    private void addUser(long hash, int maxUsers) {
        int at = Arrays.binarySearch(users, 0, userCount, hash);
        if (at >= 0) {
            return;
        }
        if (userCount >= maxUsers) {
            usersAtLeast = true;
            return;
        }
        int insert = -at - 1;
        if (userCount == users.length) {
            users = Arrays.copyOf(users, Math.min(maxUsers, Math.max(4, userCount * 2)));
        }
        System.arraycopy(users, insert, users, insert + 1, userCount - insert);
        users[insert] = hash;
        userCount++;
    }

    /** The first 8 bytes of the SHA-256 of {@code user}. */
    static long hash(String user) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(user.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = h << 8 | (digest[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The user hashes, sorted. */
    long[] userHashes() {
        return Arrays.copyOf(users, userCount);
    }

    void setStatus(IssueStatus status, Instant now) {
        this.status = status;
        this.resolvedAt = status == IssueStatus.RESOLVED ? now : null;
    }

    ErrorIssue snapshot() {
        return new ErrorIssue(id, type, title, culprit, firstSeen, lastSeen, count,
                new ErrorIssue.AffectedUsers(userCount, usersAtLeast), services, sample, status);
    }

    /** {@code record} with its body and attribute values cut to {@link #MAX_SAMPLE_VALUE} characters. */
    static LogRecord bounded(LogRecord record) {
        boolean fits = record.body().length() <= MAX_SAMPLE_VALUE;
        for (String value : record.attributes().values()) {
            fits &= value.length() <= MAX_SAMPLE_VALUE;
        }
        if (fits) {
            return record;
        }
        Map<String, String> attributes = new TreeMap<>();
        record.attributes().forEach((k, v) -> attributes.put(k, cut(v)));
        return new LogRecord(record.timeNanos(), record.severity(), record.severityText(), cut(record.body()), record.resource(),
                record.scope(), attributes, record.traceId(), record.spanId());
    }

    private static String cut(String value) {
        return value.length() <= MAX_SAMPLE_VALUE ? value : value.substring(0, MAX_SAMPLE_VALUE) + "…";
    }
}
