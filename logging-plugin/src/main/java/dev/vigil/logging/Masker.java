package dev.vigil.logging;

import java.util.Map;
import java.util.TreeMap;

/**
 * Masks what must not be written anywhere (e-mail addresses, card numbers, tokens, configured patterns) in a text.
 * Implementations are thread-safe and return the text itself when there is nothing to mask.
 */
@FunctionalInterface
public interface Masker {

    /** Masks nothing. */
    Masker NONE = text -> text;

    /** {@code text} with every sensitive part replaced by a mask. */
    String mask(String text);

    /**
     * {@code values} with each value masked; the same map when nothing changed. Implementations that know which
     * keys name secrets mask those values whole.
     */
    default Map<String, String> maskValues(Map<String, String> values) {
        Map<String, String> out = null;
        for (Map.Entry<String, String> e : values.entrySet()) {
            String masked = mask(e.getValue());
            if (!masked.equals(e.getValue())) {
                if (out == null) {
                    out = new TreeMap<>(values);
                }
                out.put(e.getKey(), masked);
            }
        }
        return out == null ? values : out;
    }
}
