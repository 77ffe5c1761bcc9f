package dev.vigil.logging;

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
}
