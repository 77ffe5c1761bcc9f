package dev.vigil.alerting.template;

import dev.vigil.api.metrics.Re2Pattern;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's {@code regexp} as Prometheus's template functions use it: unanchored matching ({@code match}) and
 * {@code ReplaceAllString} with {@code $1}, {@code ${name}} expansion ({@code reReplaceAll}). The RE2 syntax is
 * translated by {@link Re2Pattern}; Go's defaults are kept: {@code .} does not match a line break unless
 * {@code (?s)}, and {@code $} means the end of the text unless {@code (?m)}. Stateless.
 */
final class GoRegex {

    private GoRegex() {}

    /**
     * Compiles {@code regex} for unanchored use.
     *
     * @throws IllegalArgumentException if it is not a valid RE2 expression
     */
    static Pattern compile(String regex) {
        String java = Re2Pattern.toJavaSyntax(regex);
        if (!hasMultilineFlag(regex)) {
            java = endOfTextDollars(java);
        }
        return Pattern.compile(java, Pattern.UNIX_LINES | Pattern.UNICODE_CASE);
    }

    private static boolean hasMultilineFlag(String regex) {
        int i = regex.indexOf("(?");
        while (i >= 0) {
            int j = i + 2;
            while (j < regex.length() && (Character.isLetter(regex.charAt(j)) || regex.charAt(j) == '-')) {
                if (regex.charAt(j) == 'm') {
                    return true;
                }
                j++;
            }
            i = regex.indexOf("(?", i + 2);
        }
        return false;
    }

    /** Replaces each {@code $} outside a character class with {@code \z}, Go's meaning of it. */
    private static String endOfTextDollars(String java) {
        if (java.indexOf('$') < 0) {
            return java;
        }
        StringBuilder out = new StringBuilder(java.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < java.length(); i++) {
            char c = java.charAt(i);
            if (c == '\\' && i + 1 < java.length()) {
                if (java.charAt(i + 1) == 'Q') {
                    int end = java.indexOf("\\E", i + 2);
                    int stop = end < 0 ? java.length() : end + 2;
                    out.append(java, i, stop);
                    i = stop - 1;
                    continue;
                }
                out.append(c).append(java.charAt(i + 1));
                i++;
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
                out.append(c);
            } else if (c == '[') {
                inClass = true;
                out.append(c);
                if (i + 1 < java.length() && java.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                }
                if (i + 1 < java.length() && java.charAt(i + 1) == ']') {
                    out.append(']');
                    i++;
                }
            } else if (c == '$') {
                out.append("\\z");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code Regexp.MatchString}: whether {@code text} contains a match. */
    static boolean find(Pattern pattern, String text) {
        return pattern.matcher(text).find();
    }

    /**
     * {@code Regexp.ReplaceAllString}: every match replaced by {@code template} with {@code $n}, {@code ${n}},
     * {@code $name} and {@code $$} expanded, and no replacement for an empty match right after a match.
     */
    static String replaceAll(Pattern pattern, String src, String template) {
        Matcher m = pattern.matcher(src);
        StringBuilder out = new StringBuilder(src.length() + 16);
        int lastMatchEnd = 0;
        int searchPos = 0;
        while (searchPos <= src.length() && m.find(searchPos)) {
            int start = m.start();
            int end = m.end();
            out.append(src, lastMatchEnd, start);
            if (end > lastMatchEnd || start == 0) {
                expand(out, template, m);
            }
            lastMatchEnd = end;
            int width = searchPos < src.length() ? Character.charCount(src.codePointAt(searchPos)) : 0;
            if (searchPos + width > end) {
                searchPos += width;
            } else if (searchPos + 1 > end) {
                searchPos++;
            } else {
                searchPos = end;
            }
        }
        out.append(src, lastMatchEnd, src.length());
        return out.toString();
    }

    private static void expand(StringBuilder out, String template, Matcher m) {
        int i = 0;
        while (i < template.length()) {
            int dollar = template.indexOf('$', i);
            if (dollar < 0) {
                out.append(template, i, template.length());
                return;
            }
            out.append(template, i, dollar);
            i = dollar + 1;
            if (i < template.length() && template.charAt(i) == '$') {
                out.append('$');
                i++;
                continue;
            }
            boolean brace = i < template.length() && template.charAt(i) == '{';
            int nameStart = brace ? i + 1 : i;
            int nameEnd = nameStart;
            while (nameEnd < template.length()) {
                int c = template.codePointAt(nameEnd);
                if (!Character.isLetter(c) && !Character.isDigit(c) && c != '_') {
                    break;
                }
                nameEnd += Character.charCount(c);
            }
            if (nameEnd == nameStart || brace && (nameEnd >= template.length() || template.charAt(nameEnd) != '}')) {
                // Not a reference: the dollar stays as written.
                out.append('$');
                continue;
            }
            String name = template.substring(nameStart, nameEnd);
            i = brace ? nameEnd + 1 : nameEnd;
            String group = group(m, name);
            if (group != null) {
                out.append(group);
            }
        }
    }

    private static String group(Matcher m, String name) {
        int number = groupNumber(name);
        if (number >= 0) {
            return number <= m.groupCount() ? m.group(number) : null;
        }
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            // No group of that name: Go expands it to nothing.
            return null;
        }
    }

    private static int groupNumber(String name) {
        if (name.length() > 1 && name.charAt(0) == '0') {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9' || n >= 100_000_000) {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
