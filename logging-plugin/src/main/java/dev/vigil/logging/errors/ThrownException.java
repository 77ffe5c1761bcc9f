package dev.vigil.logging.errors;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One exception of a parsed chain.
 *
 * @param type the exception's class name as printed
 * @param message its message, possibly several lines; empty when it had none
 * @param frames its frames, innermost call first, with the frames a {@code ... n more} line stood for put back
 */
record ThrownException(String type, String message, List<StackFrame> frames) {

    ThrownException {
        requireNonNull(type, "type is null");
        requireNonNull(message, "message is null");
        frames = List.copyOf(frames);
    }
}
