package dev.vigil.logging.redact;

/** One rule: finds what it masks in a text. Implementations are immutable and thread-safe. */
interface Detector {

    /**
     * Adds to {@code out} every part of {@code text} this rule masks, with its replacement. Runs in time linear in
     * the length of {@code text} and returns at once when a cheap look shows the rule cannot match.
     */
    void find(String text, Matches out);
}
