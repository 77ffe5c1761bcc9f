package dev.vigil.kernel.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Thrown by the configuration's own deserializers for a value they cannot accept. Its message is already
 * written for the user, so it is shown as it is instead of being rephrased from Jackson's wording.
 */
final class RejectedValueException extends MismatchedInputException {

    RejectedValueException(JsonParser parser, String reason, Class<?> targetType) {
        super(parser, reason, targetType);
    }

    String reason() {
        return getOriginalMessage();
    }
}
