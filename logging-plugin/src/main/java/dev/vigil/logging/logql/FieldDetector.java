package dev.vigil.logging.logql;

import dev.vigil.api.metrics.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the fields of sampled lines, for Loki's {@code detected_fields}: their structured metadata, and what the
 * {@code json} parser finds in a line that looks like a JSON object or the {@code logfmt} parser in one with an
 * {@code =}. Stream labels and errors are left out. Not thread-safe.
 */
final class FieldDetector {

    private static final class Field {
        final Set<String> values = new HashSet<>();
        final Set<String> parsers = new TreeSet<>();
        String type = "";
    }

    private final Map<String, Field> fields = new TreeMap<>();
    private final JsonFields json = new JsonFields(List.of());
    private final LogfmtFields logfmt = new LogfmtFields(List.of(), false, false);

    /** Adds the fields of one line of the stream {@code stream}. */
    void add(Labels stream, String line, Labels metadata) {
        for (int i = 0; i < metadata.size(); i++) {
            field(metadata.name(i), metadata.value(i), null);
        }
        String trimmed = line.strip();
        String parser;
        EntryLabels parsed = new EntryLabels(stream, new TreeMap<>());
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
            parser = "json";
            json.parse(line, parsed);
        } else if (line.indexOf('=') >= 0) {
            parser = "logfmt";
            logfmt.parse(line, parsed);
        } else {
            return;
        }
        if (parsed.hasError()) {
            return;
        }
        Labels found = parsed.parsed();
        for (int i = 0; i < found.size(); i++) {
            field(found.name(i), found.value(i), parser);
        }
    }

    /** The fields found, by label name, at most {@code limit} of them. */
    List<DetectedField> fields(int limit) {
        List<DetectedField> out = new ArrayList<>();
        for (Map.Entry<String, Field> entry : fields.entrySet()) {
            if (out.size() == limit) {
                break;
            }
            Field field = entry.getValue();
            out.add(new DetectedField(entry.getKey(), field.type, field.values.size(), List.copyOf(field.parsers)));
        }
        return out;
    }

    private void field(String name, String value, @org.jspecify.annotations.Nullable String parser) {
        if (name.startsWith("__") && name.endsWith("__")) {
            return;
        }
        Field field = fields.computeIfAbsent(name, n -> new Field());
        field.values.add(value);
        if (parser != null) {
            field.parsers.add(parser);
        }
        String type = typeOf(value);
        field.type = field.type.isEmpty() || field.type.equals(type) ? type : "string";
    }

    /** The type of one value, tried in Loki's order. */
    static String typeOf(String value) {
        if (value.equals("true") || value.equals("false")) {
            return "boolean";
        }
        if (value.matches("[+-]?[0-9]+")) {
            return "int";
        }
        try {
            GoNumbers.parseFloat(value);
            return "float";
        } catch (IllegalArgumentException e) {
            // not a number: a duration, a size or text
        }
        try {
            Durations.parseGo(value);
            return "duration";
        } catch (IllegalArgumentException e) {
            // not a duration
        }
        try {
            Durations.parseBytes(value);
            return "bytes";
        } catch (IllegalArgumentException e) {
            return "string";
        }
    }
}
