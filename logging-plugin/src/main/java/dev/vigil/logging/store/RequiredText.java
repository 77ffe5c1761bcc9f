package dev.vigil.logging.store;

import java.nio.charset.StandardCharsets;

/**
 * The longest text that every match of a regular expression contains, found conservatively: only when the
 * expression is a sequence of atoms without alternation or flags at its top level, runs of plain characters that each
 * occur exactly once are taken (a character followed by {@code ?}, {@code *} or a count is dropped, one followed by
 * {@code +} ends its run; groups, classes, anchors, {@code .} and escapes other than of punctuation break runs). A
 * search then skips, without running the expression, every block whose Bloom filter lacks the text and every body
 * that does not contain it.
 */
final class RequiredText {

    private RequiredText() {}

    /** The text every match contains, or empty if none is known. */
    static String of(String regex) {
        if (regex.contains("(?") || regex.contains("\\Q")) {
            return "";
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int n = regex.length();
        int i = 0;
        while (i < n) {
            char c = regex.charAt(i);
            switch (c) {
                case '|':
                    return "";
                case '\\': {
                    if (i + 1 >= n) {
                        return "";
                    }
                    char e = regex.charAt(i + 1);
                    if (Character.isLetterOrDigit(e) || e > 0x7F) {
                        best = longer(best, run);
                    } else {
                        run.append(e);
                    }
                    i += 2;
                    continue;
                }
                case '(': {
                    best = longer(best, run);
                    int end = skipGroup(regex, i);
                    if (end < 0) {
                        return "";
                    }
                    i = end;
                    continue;
                }
                case '[': {
                    best = longer(best, run);
                    int end = skipClass(regex, i);
                    if (end < 0) {
                        return "";
                    }
                    i = end;
                    continue;
                }
                case '.', '^', '$', ')', ']', '}':
                    best = longer(best, run);
                    break;
                case '?', '*':
                    dropLast(run);
                    best = longer(best, run);
                    break;
                case '{': {
                    int end = skipCount(regex, i);
                    if (end < 0) {
                        // not a count: rather than work out what it is, know nothing
                        return "";
                    }
                    dropLast(run);
                    best = longer(best, run);
                    i = end;
                    continue;
                }
                case '+':
                    best = longer(best, run);
                    break;
                default:
                    run.append(c);
            }
            i++;
        }
        return longer(best, run);
    }

    /** Ends the run: the longer (in UTF-8 bytes) of it and {@code best}. */
    private static String longer(String best, StringBuilder run) {
        String s = run.toString();
        run.setLength(0);
        return s.getBytes(StandardCharsets.UTF_8).length > best.getBytes(StandardCharsets.UTF_8).length ? s : best;
    }

    private static void dropLast(StringBuilder run) {
        int len = run.length();
        if (len > 0) {
            boolean pair = len > 1 && Character.isLowSurrogate(run.charAt(len - 1)) && Character.isHighSurrogate(run.charAt(len - 2));
            run.setLength(len - (pair ? 2 : 1));
        }
    }

    /** The index after a count such as {@code {2}} or {@code {1,3}} at {@code open}, or -1 if it is not one. */
    private static int skipCount(String regex, int open) {
        int i = open + 1;
        int digits = 0;
        while (i < regex.length() && regex.charAt(i) >= '0' && regex.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (digits == 0) {
            return -1;
        }
        if (i < regex.length() && regex.charAt(i) == ',') {
            i++;
            while (i < regex.length() && regex.charAt(i) >= '0' && regex.charAt(i) <= '9') {
                i++;
            }
        }
        return i < regex.length() && regex.charAt(i) == '}' ? i + 1 : -1;
    }

    /** The index after the group opened at {@code open}, or -1 if it is not closed. */
    private static int skipGroup(String regex, int open) {
        int depth = 0;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                int end = skipClass(regex, i);
                if (end < 0) {
                    return -1;
                }
                i = end - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The index after the class opened at {@code open}, or -1 if it is not closed. */
    private static int skipClass(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' && i + 1 < regex.length() && regex.charAt(i + 1) == ':') {
                int end = regex.indexOf(":]", i + 2);
                if (end < 0) {
                    return -1;
                }
                i = end + 1;
            } else if (c == ']') {
                return i + 1;
            }
        }
        return -1;
    }
}
