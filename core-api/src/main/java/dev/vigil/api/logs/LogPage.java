package dev.vigil.api.logs;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Experimental;
import java.util.List;
import java.util.Optional;

/**
 * A page of search results.
 *
 * @param records the records, in the search's order; records with the same time keep the order they were stored in
 *     (reversed when newest first)
 * @param next the cursor of the next page, or empty when there are no more records
 */
@Experimental
public record LogPage(List<LogRecord> records, Optional<String> next) {

    /** Checks and copies. */
    public LogPage {
        records = List.copyOf(records);
        requireNonNull(next, "next is null");
    }
}
