package dev.vigil.alerting.outbox.history;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of a history query.
 *
 * @param entries the entries, newest first
 * @param nextPageToken pass it as {@link HistoryQuery#pageToken()} to get the entries after the last one here;
 *     empty when there are none
 */
public record HistoryPage(List<HistoryEntry> entries, Optional<String> nextPageToken) {

    /** Checks and copies. */
    public HistoryPage {
        entries = List.copyOf(entries);
        requireNonNull(nextPageToken, "nextPageToken is null");
    }
}
