package dev.vigil.alerting.outbox.history;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.alerting.DeliveryResult;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What to look up in the history. Every filter that is present must match; results come newest first.
 *
 * @param from entries recorded at or after this
 * @param to entries recorded before this
 * @param receiver entries for this receiver
 * @param outcome entries with this outcome
 * @param alertName entries whose notification had an alert of this name
 * @param notificationId entries for this notification
 * @param limit at most this many entries per page, from 1 to {@value #MAX_LIMIT}
 * @param pageToken where the previous page ended
 */
public record HistoryQuery(Optional<Instant> from, Optional<Instant> to, Optional<String> receiver,
        Optional<DeliveryResult.Outcome> outcome, Optional<String> alertName, Optional<String> notificationId, int limit,
        Optional<String> pageToken) {

    /** The most entries a page may hold. */
    public static final int MAX_LIMIT = 1000;
    /** The page size when none is given. */
    public static final int DEFAULT_LIMIT = 100;

    /** Checks the parts. */
    public HistoryQuery {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(receiver, "receiver is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(alertName, "alertName is null");
        requireNonNull(notificationId, "notificationId is null");
        requireNonNull(pageToken, "pageToken is null");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ": " + limit);
        }
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException("the range ends (" + to.get() + ") before it starts (" + from.get() + ")");
        }
    }

    /** A query for everything, {@value #DEFAULT_LIMIT} entries per page. */
    public static HistoryQuery all() {
        return builder().build();
    }

    /** A query to refine. */
    public static Builder builder() {
        return new Builder();
    }

    /** This query, for the page after the one {@code token} ended. */
    public HistoryQuery page(String token) {
        return new HistoryQuery(from, to, receiver, outcome, alertName, notificationId, limit, Optional.of(token));
    }

    /** Whether {@code entry} passes every filter (the page token aside). */
    public boolean matches(HistoryEntry entry) {
        return inRange(entry.at())
                && (receiver.isEmpty() || receiver.get().equals(entry.receiver()))
                && (outcome.isEmpty() || outcome.get() == entry.outcome())
                && (alertName.isEmpty() || entry.alertNames().contains(alertName.get()))
                && (notificationId.isEmpty() || notificationId.get().equals(entry.notificationId()));
    }

    /** Whether an entry recorded at {@code at} is within the time range. */
    public boolean inRange(Instant at) {
        return (from.isEmpty() || !at.isBefore(from.get())) && (to.isEmpty() || at.isBefore(to.get()));
    }

    /** Builds a {@link HistoryQuery}; every filter is optional. Not thread-safe. */
    public static final class Builder {

        private @Nullable Instant from;
        private @Nullable Instant to;
        private @Nullable String receiver;
        private DeliveryResult.@Nullable Outcome outcome;
        private @Nullable String alertName;
        private @Nullable String notificationId;
        private int limit = DEFAULT_LIMIT;
        private @Nullable String pageToken;

        private Builder() {}

        /** Entries recorded at or after {@code from}. */
        public Builder from(Instant from) {
            this.from = requireNonNull(from, "from is null");
            return this;
        }

        /** Entries recorded before {@code to}. */
        public Builder to(Instant to) {
            this.to = requireNonNull(to, "to is null");
            return this;
        }

        /** Entries for {@code receiver}. */
        public Builder receiver(String receiver) {
            this.receiver = requireNonNull(receiver, "receiver is null");
            return this;
        }

        /** Entries with {@code outcome}. */
        public Builder outcome(DeliveryResult.Outcome outcome) {
            this.outcome = requireNonNull(outcome, "outcome is null");
            return this;
        }

        /** Entries with an alert named {@code alertName}. */
        public Builder alertName(String alertName) {
            this.alertName = requireNonNull(alertName, "alertName is null");
            return this;
        }

        /** Entries for the notification {@code id}. */
        public Builder notificationId(String id) {
            this.notificationId = requireNonNull(id, "id is null");
            return this;
        }

        /** At most {@code limit} entries per page. */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** The page after the one {@code token} ended. */
        public Builder pageToken(String token) {
            this.pageToken = requireNonNull(token, "token is null");
            return this;
        }

        /** The query. */
        public HistoryQuery build() {
            return new HistoryQuery(Optional.ofNullable(from), Optional.ofNullable(to), Optional.ofNullable(receiver),
                    Optional.ofNullable(outcome), Optional.ofNullable(alertName), Optional.ofNullable(notificationId), limit,
                    Optional.ofNullable(pageToken));
        }
    }
}
