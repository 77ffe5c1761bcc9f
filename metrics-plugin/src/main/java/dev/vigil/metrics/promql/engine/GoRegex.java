package dev.vigil.metrics.promql.engine;

import java.util.regex.Matcher;

/** Go's expansion of {@code $1}-style references in a {@code label_replace} replacement. */
final class GoRegex {

    private GoRegex() {}

    /**
     * {@code template} with {@code $n}, {@code ${n}}, {@code $name} and {@code ${name}} replaced by the groups of
     * {@code m} as Go's {@code Regexp.Expand} does: the longest name wins ({@code $1x} is group {@code 1x}), an
     * unknown or unmatched group gives nothing, and {@code $$} is a dollar sign.
     */
    static String expand(String template, Matcher m) {
        StringBuilder out = new StringBuilder(template.length());
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = template.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int end;
            if (next == '{') {
                int close = template.indexOf('}', i + 2);
                if (close < 0 || close == i + 2 || !isName(template, i + 2, close)) {
                    out.append(c);
                    i++;
                    continue;
                }
                name = template.substring(i + 2, close);
                end = close + 1;
            } else {
                end = i + 1;
                while (end < template.length() && isNameChar(template.charAt(end))) {
                    end++;
                }
                if (end == i + 1) {
                    out.append(c);
                    i++;
                    continue;
                }
                name = template.substring(i + 1, end);
            }
            out.append(group(m, name));
            i = end;
        }
        return out.toString();
    }

    private static String group(Matcher m, String name) {
        String value;
        try {
            if (name.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                int index = Integer.parseInt(name);
                value = index <= m.groupCount() ? m.group(index) : null;
            } else {
                value = m.group(name);
            }
        } catch (IllegalArgumentException e) {
            value = null;
        }
        return value == null ? "" : value;
    }

    private static boolean isName(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isNameChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
