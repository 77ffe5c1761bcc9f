package dev.vigil.metrics.query;

/**
 * Label names as clients write them in a URL path. A name that is not a classic Prometheus name (letters,
 * digits and underscores) may come escaped, as Grafana and Prometheus's own clients send it: {@code U__}, then
 * the name with {@code __} for an underscore and {@code _<hex>_} for any other character outside
 * {@code [A-Za-z0-9]}, such as {@code U__http_2e_method} for {@code http.method}. Stateless and thread-safe.
 */
final class LabelNames {

    private LabelNames() {}

    /** The name {@code escaped} stands for; {@code escaped} itself when it is not a valid escaped name. */
    static String unescape(String escaped) {
        if (!escaped.startsWith("U__")) {
            return escaped;
        }
        StringBuilder name = new StringBuilder(escaped.length());
        int i = 3;
        while (i < escaped.length()) {
            char c = escaped.charAt(i);
            if (c != '_') {
                name.append(c);
                i++;
                continue;
            }
            i++;
            if (i >= escaped.length()) {
                return escaped;
            }
            if (escaped.charAt(i) == '_') {
                name.append('_');
                i++;
                continue;
            }
            int close = escaped.indexOf('_', i);
            if (close < 0 || close == i || close - i > 6) {
                return escaped;
            }
            int codePoint;
            try {
                codePoint = Integer.parseInt(escaped, i, close, 16);
            } catch (NumberFormatException e) {
                return escaped;
            }
            if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return escaped;
            }
            name.appendCodePoint(codePoint);
            i = close + 1;
        }
        return name.toString();
    }
}
