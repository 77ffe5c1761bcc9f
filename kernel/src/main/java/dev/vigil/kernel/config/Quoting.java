package dev.vigil.kernel.config;

import com.fasterxml.jackson.databind.node.TextNode;

/** Writes values into messages the way users typed them: strings in double quotes, escaped as in JSON. */
final class Quoting {

    private static final int MAX_SHOWN = 60;

    private Quoting() {}

    /** {@code text} in double quotes; a long text is cut, so a message stays one readable line. */
    static String quote(String text) {
        String shown = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
        return TextNode.valueOf(shown).toString();
    }
}
