package dev.vigil.metrics.promql.parser;

/**
 * Text the way Prometheus prints it in its messages, for the parts of the engine that report errors about
 * values from a query, such as {@code invalid label name "a\xc5z"}. Stateless and thread-safe.
 */
public final class PromqlText {

    private PromqlText() {}

    /**
     * Quotes {@code text} as Go's {@code %q} does. The bytes that a string literal's escapes left outside
     * UTF-8, which the parser keeps as the lone surrogates {@code U+DC80} to {@code U+DCFF}, print as
     * {@code \x80} to {@code \xff}.
     */
    public static String quote(String text) {
        return GoText.quote(text);
    }

    /**
     * Whether {@code text} is valid UTF-8 in Prometheus's sense: it holds no byte that the parser kept as a
     * lone surrogate, nor any other unpaired surrogate.
     */
    public static boolean isValidUtf8(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
