package dev.vigil.logging.errors;

import static java.util.Objects.requireNonNull;

/**
 * What an error occurrence is grouped by, and how its issue is named.
 *
 * @param id the id: the first 16 hex digits of the SHA-256 of what was grouped on
 * @param type the class name of the exception grouped on (the root cause)
 * @param title the type's simple name and the normalised message
 * @param culprit the top in-app frame ({@code com.example.OrderService.load}), else the top frame, else the logger's
 *     name, else empty
 */
record Fingerprint(String id, String type, String title, String culprit) {

    Fingerprint {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(title, "title is null");
        requireNonNull(culprit, "culprit is null");
    }
}
