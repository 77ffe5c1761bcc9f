package dev.vigil.logging.logql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * LogQL's {@code logfmt} parser: each {@code key=value} or {@code key="quoted value"} pair of the line becomes a label
 *. Malformed parts are skipped, or with {@code --strict} end
 * the parse with the error {@code LogfmtParserErr}. With extractions only the named keys become labels, under the
 * names given. Thread-safe.
 */
final class LogfmtFields {

    static final String ERROR = "LogfmtParserErr";

    private final boolean strict;
    /** Label names by logfmt key; null to take every key. */
    private final @Nullable Map<String, String> wanted;

    LogfmtFields(List<Stage.Extraction> extractions, boolean strict, boolean keepEmpty) {
        this.strict = strict;
        if (extractions.isEmpty()) {
            this.wanted = null;
        } else {
            Map<String, String> byKey = new HashMap<>();
            for (Stage.Extraction extraction : extractions) {
                byKey.put(extraction.expression(), extraction.label());
            }
            this.wanted = byKey;
        }
    }

    /** Adds the labels of {@code line} to {@code entry}. */
    void parse(String line, EntryLabels entry) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && line.charAt(i) <= ' ') {
                i++;
            }
            if (i >= n) {
                return;
            }
            int keyStart = i;
            while (i < n && line.charAt(i) > ' ' && line.charAt(i) != '=' && line.charAt(i) != '"') {
                i++;
            }
            String key = line.substring(keyStart, i);
            String problem = null;
            String value = "";
            if (key.isEmpty()) {
                problem = "unexpected '" + line.charAt(i) + "'";
            } else if (i < n && line.charAt(i) == '"') {
                problem = "unexpected '\"'";
            } else if (i < n && line.charAt(i) == '=') {
                i++;
                if (i < n && line.charAt(i) == '"') {
                    int close = closingQuote(line, i + 1);
                    if (close < 0) {
                        problem = "unterminated quoted value";
                        i = n;
                    } else {
                        try {
                            value = GoStrings.unescape(line.substring(i + 1, close));
                        } catch (IllegalArgumentException e) {
                            problem = "invalid quoted value";
                        }
                        i = close + 1;
                    }
                } else {
                    int valueStart = i;
                    while (i < n && line.charAt(i) > ' ' && line.charAt(i) != '=' && line.charAt(i) != '"') {
                        i++;
                    }
                    if (i < n && line.charAt(i) > ' ') {
                        problem = "unexpected '" + line.charAt(i) + "'";
                    } else {
                        value = line.substring(valueStart, i);
                    }
                }
            }
            if (problem != null) {
                if (strict) {
                    entry.setError(ERROR, "logfmt syntax error at pos " + (i + 1) + " : " + problem);
                    return;
                }
                while (i < n && line.charAt(i) > ' ') {
                    i++;
                }
                continue;
            }
            add(key, value, entry);
        }
    }

    private void add(String key, String value, EntryLabels entry) {
        String name;
        if (wanted == null) {
            name = JsonFields.sanitize(key, true);
        } else {
            name = wanted.get(key);
            if (name == null) {
                return;
            }
        }
        // A label with an empty value is no label, so --keep-empty changes nothing a query can see.
        entry.addParsed(name, value);
    }

    private static int closingQuote(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }
}
