package dev.vigil.logging.errors;

import dev.vigil.api.logs.LogRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Groups error occurrences the way Sentry does for Java; see the {@linkplain dev.vigil.logging.errors package
 * documentation}. Immutable and thread-safe.
 */
final class Fingerprinter {

    /** OpenTelemetry's attribute for the exception's class name. */
    static final String EXCEPTION_TYPE = "exception.type";
    /** OpenTelemetry's attribute for the exception's message. */
    static final String EXCEPTION_MESSAGE = "exception.message";
    /** OpenTelemetry's attribute for the exception's stack trace as the language prints it. */
    static final String EXCEPTION_STACKTRACE = "exception.stacktrace";

    private static final int MAX_TITLE = 200;

    private final FrameRules rules;

    Fingerprinter(FrameRules rules) {
        this.rules = rules;
    }

    /** The fingerprint of {@code record}, or empty when it is not an error occurrence (it has no exception type). */
    Optional<Fingerprint> fingerprint(LogRecord record) {
        String type = record.attributes().getOrDefault(EXCEPTION_TYPE, "").strip();
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String message = record.attributes().getOrDefault(EXCEPTION_MESSAGE, "");
        List<ThrownException> chain = JavaStackTraces.parse(record.attributes().getOrDefault(EXCEPTION_STACKTRACE, ""));
        if (!chain.isEmpty()) {
            ThrownException root = chain.get(chain.size() - 1);
            type = root.type();
            message = root.message();
            List<StackFrame> frames = root.frames();
            List<String> inApp = collapse(frames.stream().filter(rules::isInApp).map(FrameRules::normalized).toList());
            if (!inApp.isEmpty()) {
                return Optional.of(of(type, message, "in-app", inApp, inApp.get(0)));
            }
            List<String> all = collapse(frames.stream().filter(f -> !FrameRules.isSynthetic(f)).map(FrameRules::normalized).toList());
            if (!all.isEmpty()) {
                return Optional.of(of(type, message, "system", all, all.get(0)));
            }
        }
        String normalized = MessageNormalizer.normalize(message);
        return Optional.of(of(type, message, "message", List.of(normalized), record.scope()));
    }

    private static Fingerprint of(String type, String message, String kind, List<String> parts, String culprit) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        sha.update(type.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(kind.getBytes(StandardCharsets.UTF_8));
        for (String part : parts) {
            sha.update((byte) 0);
            sha.update(part.getBytes(StandardCharsets.UTF_8));
        }
        String id = HexFormat.of().formatHex(sha.digest(), 0, 8);
        return new Fingerprint(id, type, title(type, message), culprit);
    }

    /** The simple name of {@code type} and the first line of the message, normalised. */
    static String title(String type, String message) {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        int newline = message.indexOf('\n');
        String first = MessageNormalizer.normalize(newline < 0 ? message : message.substring(0, newline));
        String title = first.isEmpty() ? simple : simple + ": " + first;
        return title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - 1) + "…" : title;
    }

    /** Consecutive repeats removed, so that recursion depth does not split a group. */
    private static List<String> collapse(List<String> frames) {
        List<String> out = new ArrayList<>(frames.size());
        for (String f : frames) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(f)) {
                out.add(f);
            }
        }
        return out;
    }
}
