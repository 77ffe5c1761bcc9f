package dev.vigil.logging.store;

import dev.vigil.api.logs.LineFilter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The line filters of a search, tested on the stored UTF-8 bodies of a frame. Text filters ({@code |=} and
 * {@code !=}) search all bodies of the frame at once: the bodies are taken as one ISO-8859-1 string (one char per
 * byte), where the JDK's vectorised {@link String#indexOf(String, int)} finds the text's UTF-8 bytes; since UTF-8 is
 * self-synchronising, a byte match is a character match. Regular expressions run on each decoded body, but only on
 * bodies that contain the expression's {@link RequiredText} when it has one. Records must be tested in increasing
 * order within a frame. Not thread-safe.
 */
final class BodyTest {

    private final LineFilter[] filters;
    /**
     * The text each filter looks for (a regular expression's required text, maybe empty), as its UTF-8 bytes in
     * ISO-8859-1 characters.
     */
    private final String[] texts;
    /** For text filters, where the text occurs next in the frame's bodies, from the last record tested. */
    private final int[] next;
    private final boolean anyText;
    private String bodies = "";
    private boolean bodiesLoaded;

    BodyTest(List<LineFilter> lines) {
        this.filters = lines.toArray(new LineFilter[0]);
        this.texts = new String[filters.length];
        this.next = new int[filters.length];
        boolean text = false;
        for (int f = 0; f < filters.length; f++) {
            String literal = literal(filters[f]);
            texts[f] = new String(literal.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            text |= !literal.isEmpty();
        }
        this.anyText = text;
    }

    private static String literal(LineFilter f) {
        return switch (f.type()) {
            case CONTAINS, NOT_CONTAINS -> f.value();
            case REGEX, NOT_REGEX -> RequiredText.of(f.value());
        };
    }

    /** The Bloom filter bits of each text that a body must contain. */
    List<int[]> gramProbes() {
        List<int[]> out = new ArrayList<>();
        for (LineFilter f : filters) {
            if (f.type() == LineFilter.Type.CONTAINS || f.type() == LineFilter.Type.REGEX) {
                int[] probes = Tokens.gramProbes(literal(f));
                if (probes.length > 0) {
                    out.add(probes);
                }
            }
        }
        return out;
    }

    void startFrame(FrameData frame) {
        this.bodiesLoaded = false;
        Arrays.fill(next, Integer.MIN_VALUE);
    }

    /** Whether record {@code i}'s body passes every filter. */
    boolean test(FrameData d, int i) {
        if (filters.length == 0) {
            return true;
        }
        if (anyText && !bodiesLoaded) {
            bodies = new String(d.raw, d.bodiesStart(), d.bodiesEnd() - d.bodiesStart(), StandardCharsets.ISO_8859_1);
            bodiesLoaded = true;
        }
        @Nullable String decoded = null;
        int base = d.bodiesStart();
        for (int f = 0; f < filters.length; f++) {
            LineFilter filter = filters[f];
            boolean passes;
            switch (filter.type()) {
                case CONTAINS -> passes = contains(f, d.bodyStart(i) - base, d.bodyEnd(i) - base);
                case NOT_CONTAINS -> passes = !contains(f, d.bodyStart(i) - base, d.bodyEnd(i) - base);
                case REGEX -> {
                    passes = contains(f, d.bodyStart(i) - base, d.bodyEnd(i) - base);
                    if (passes) {
                        decoded = decoded != null ? decoded : d.body(i);
                        passes = filter.test(decoded);
                    }
                }
                default -> {
                    // without the required text the expression cannot match
                    passes = !texts[f].isEmpty() && !contains(f, d.bodyStart(i) - base, d.bodyEnd(i) - base);
                    if (!passes) {
                        decoded = decoded != null ? decoded : d.body(i);
                        passes = filter.test(decoded);
                    }
                }
            }
            if (!passes) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(int f, int start, int end) {
        String text = texts[f];
        if (text.isEmpty()) {
            return true;
        }
        int at = next[f];
        if (at == -1) {
            return false;
        }
        if (at < start) {
            at = bodies.indexOf(text, start);
            next[f] = at;
            if (at < 0) {
                return false;
            }
        }
        return at + text.length() <= end;
    }
}
