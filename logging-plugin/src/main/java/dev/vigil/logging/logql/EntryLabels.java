package dev.vigil.logging.logql;

import dev.vigil.api.metrics.Labels;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The labels of one line as it goes through a pipeline, in Loki's three kinds: the stream's labels, the line's
 * structured metadata, and the labels parsers extracted. A name is looked up among the parsed labels first, then the
 * metadata, then the stream labels. A parsed name that is a stream label gets {@code _extracted}. The error of a
 * failed stage ({@code __error__}, with {@code __error_details__}) counts as a parsed label. Not thread-safe.
 */
final class EntryLabels {

    static final String ERROR = "__error__";
    static final String ERROR_DETAILS = "__error_details__";

    private final Labels stream;
    private final Map<String, String> metadata;
    private final Map<String, String> parsed = new TreeMap<>();
    private @Nullable Set<String> droppedStream;
    private String error = "";
    private String errorDetails = "";

    /**
     * @param stream the stream labels
     * @param metadata the structured metadata, which this object may change
     */
    EntryLabels(Labels stream, Map<String, String> metadata) {
        this.stream = stream;
        this.metadata = metadata;
    }

    /** The value of {@code name}, or null when the line has no such label. */
    @Nullable String get(String name) {
        if (name.equals(ERROR)) {
            return error.isEmpty() ? null : error;
        }
        if (name.equals(ERROR_DETAILS)) {
            return error.isEmpty() || errorDetails.isEmpty() ? null : errorDetails;
        }
        String value = parsed.get(name);
        if (value != null) {
            return value;
        }
        value = metadata.get(name);
        if (value != null) {
            return value;
        }
        return droppedStream != null && droppedStream.contains(name) ? null : stream.get(name);
    }

    /** Whether the stream labels hold {@code name}. */
    boolean isStreamLabel(String name) {
        return stream.has(name) && (droppedStream == null || !droppedStream.contains(name));
    }

    /** Adds a parsed label; an empty value is no label. */
    void addParsed(String name, String value) {
        if (value.isEmpty() || name.isEmpty()) {
            return;
        }
        parsed.put(stream.has(name) ? name + OtlpLabels.DUPLICATE_SUFFIX : name, value);
    }

    /** Whether a parsed label of that name (after the suffix rule) is set already. */
    boolean hasParsed(String name) {
        return parsed.containsKey(stream.has(name) ? name + OtlpLabels.DUPLICATE_SUFFIX : name);
    }

    /** Marks the line as failed in a stage, unless it failed already. */
    void setError(String type, String details) {
        if (error.isEmpty()) {
            error = type;
            errorDetails = details;
        }
    }

    boolean hasError() {
        return !error.isEmpty();
    }

    /** Removes every label for which {@code drop} holds (for {@code __error__}, the error and its details). */
    void removeIf(BiPredicate<String, String> drop) {
        if (!error.isEmpty() && drop.test(ERROR, error)) {
            error = "";
            errorDetails = "";
        }
        if (!error.isEmpty() && !errorDetails.isEmpty() && drop.test(ERROR_DETAILS, errorDetails)) {
            errorDetails = "";
        }
        parsed.entrySet().removeIf(e -> drop.test(e.getKey(), e.getValue()));
        metadata.entrySet().removeIf(e -> drop.test(e.getKey(), e.getValue()));
        for (int i = 0; i < stream.size(); i++) {
            if (drop.test(stream.name(i), stream.value(i))) {
                if (droppedStream == null) {
                    droppedStream = new HashSet<>();
                }
                droppedStream.add(stream.name(i));
            }
        }
    }

    /** The stream labels left after {@code drop} and {@code keep}. */
    Labels stream() {
        if (droppedStream == null) {
            return stream;
        }
        return stream.without(droppedStream);
    }

    /** The structured metadata. */
    Labels metadata() {
        return Labels.of(metadata);
    }

    /** The parsed labels, with the error if there is one. */
    Labels parsed() {
        if (error.isEmpty()) {
            return Labels.of(parsed);
        }
        Labels.Builder builder = Labels.builder();
        parsed.forEach(builder::set);
        builder.set(ERROR, error);
        builder.set(ERROR_DETAILS, errorDetails);
        return builder.build();
    }

    /** Every label, a parsed one winning over metadata of the same name and metadata over a stream label. */
    Labels all() {
        Labels.Builder builder = stream().toBuilder();
        metadata.forEach(builder::set);
        parsed.forEach(builder::set);
        if (!error.isEmpty()) {
            builder.set(ERROR, error);
            builder.set(ERROR_DETAILS, errorDetails);
        }
        return builder.build();
    }
}
