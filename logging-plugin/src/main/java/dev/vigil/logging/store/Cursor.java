package dev.vigil.logging.store;

import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.storage.Bytes;
import dev.vigil.storage.Frames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Where a page of a search ends: the time and sequence number of its last record, which the next page starts
 * strictly after (in the search's direction). Records appended in between take their place in that order, so paging
 * never repeats or skips a record that was there for both pages. Written as URL-safe base64 of a version, the
 * direction, the position, a fingerprint of the store and the search (filter and direction, not the limit), and a
 * checksum; a cursor whose fingerprint differs was made by another search or another store and is refused.
 *
 * @param time the last record's time, in nanoseconds
 * @param seq the last record's sequence number
 */
record Cursor(long time, long seq) {

    private static final int VERSION = 1;
    private static final int BYTES = 1 + 1 + 8 + 8 + 8 + 4;

    /** Writes this position for the next page of {@code search}. */
    String encode(long storeId, LogSearch search) {
        byte[] b = new byte[BYTES];
        b[0] = VERSION;
        b[1] = (byte) search.direction().ordinal();
        Bytes.BE_LONG.set(b, 2, time);
        Bytes.BE_LONG.set(b, 10, seq);
        Bytes.BE_LONG.set(b, 18, fingerprint(storeId, search));
        Bytes.BE_INT.set(b, 26, Frames.crc32c(b, 0, 26));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * Reads the cursor of {@code search}.
     *
     * @throws IllegalArgumentException if it is not a cursor of this store, or was made by another search
     */
    static Cursor decode(String text, long storeId, LogSearch search) {
        byte[] b;
        try {
            b = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw notOurs(text);
        }
        if (b.length != BYTES || b[0] != VERSION || (int) Bytes.BE_INT.get(b, 26) != Frames.crc32c(b, 0, 26)) {
            throw notOurs(text);
        }
        if (b[1] != search.direction().ordinal() || (long) Bytes.BE_LONG.get(b, 18) != fingerprint(storeId, search)) {
            throw new IllegalArgumentException("the cursor " + text + " was returned by another search (or another log "
                    + "store); a cursor only continues the search that returned it, with the same filter and direction");
        }
        return new Cursor((long) Bytes.BE_LONG.get(b, 2), (long) Bytes.BE_LONG.get(b, 10));
    }

    private static IllegalArgumentException notOurs(String text) {
        return new IllegalArgumentException("'" + text + "' is not a cursor of this log store; pass the next cursor of "
                + "the page before, unchanged");
    }

    /** A hash of the store and of the search's filter and direction, the same in every run of the JVM. */
    static long fingerprint(long storeId, LogSearch search) {
        LogFilter f = search.filter();
        StringBuilder s = new StringBuilder(256);
        s.append(search.direction()).append('\n');
        s.append(LogFilter.nanos(f.from())).append('\n').append(LogFilter.nanos(f.to())).append('\n');
        s.append(sortedMatchers(f.resource())).append('\n');
        f.severities().stream().sorted().forEach(v -> s.append(v).append(','));
        s.append('\n');
        f.loggers().stream().sorted().forEach(v -> s.append(v.length()).append(':').append(v).append(','));
        s.append('\n').append(sortedMatchers(f.attributes())).append('\n').append(f.traceId()).append('\n');
        f.lines().forEach(l -> s.append(l).append('\n'));
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        return Tokens.hash(storeId, bytes, 0, bytes.length);
    }

    private static String sortedMatchers(List<LabelMatcher> matchers) {
        List<String> out = new ArrayList<>();
        for (LabelMatcher m : matchers) {
            out.add(m.toString());
        }
        out.sort(Comparator.naturalOrder());
        return String.join(",", out);
    }
}
