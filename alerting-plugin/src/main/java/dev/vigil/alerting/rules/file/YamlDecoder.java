package dev.vigil.alerting.rules.file;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.rules.file.YamlNode.Entry;
import dev.vigil.alerting.rules.file.YamlNode.Mapping;
import dev.vigil.alerting.rules.file.YamlNode.Scalar;
import dev.vigil.alerting.rules.file.YamlNode.ScalarType;
import dev.vigil.alerting.rules.file.YamlNode.Sequence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads typed fields out of {@link YamlNode}s the way Go's strict YAML decoder reads them into Prometheus's
 * structures: any scalar can be a string, a null is the zero value, an unknown field is an error. Problems are
 * collected rather than thrown, so that one pass reports all of them; a field with a problem reads as its zero
 * value. Not thread-safe: one decoder per document.
 */
public final class YamlDecoder {

    /**
     * A field that could not be read.
     *
     * @param location where
     * @param message why
     */
    public record Problem(Location location, String message) {
        /** Checks the parts. */
        public Problem {
            requireNonNull(location, "location is null");
            requireNonNull(message, "message is null");
        }
    }

    private final List<Problem> problems = new ArrayList<>();

    /** The problems found so far, in the order found. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Records a problem found by the caller. */
    public void problem(Location location, String message) {
        problems.add(new Problem(location, message));
    }

    /**
     * {@code node} as a mapping of the fields {@code allowed}; a null reads as an empty mapping. Records a problem
     * for another kind of node and for each unknown field.
     *
     * @param what the structure, for messages, such as {@code rule group}
     */
    public Mapping mapping(YamlNode node, String what, Collection<String> allowed) {
        if (node instanceof Mapping mapping) {
            for (Entry entry : mapping.entries()) {
                if (!allowed.contains(entry.key().text())) {
                    problem(entry.key().location(), "field " + entry.key().text() + " not found in " + what);
                }
            }
            return mapping;
        }
        if (!(node instanceof Scalar s && s.isNull())) {
            problem(node.location(), "cannot unmarshal " + describe(node) + " into " + what);
        }
        return new Mapping(List.of(), node.location());
    }

    /** The field {@code key} as a string: the text of any scalar, {@code ""} when absent or null. */
    public String string(Mapping mapping, String key) {
        return mapping.get(key).map(node -> string(node, "field " + key)).orElse("");
    }

    /** {@code node} as a string: the text of any scalar, {@code ""} for a null. */
    public String string(YamlNode node, String what) {
        if (node instanceof Scalar s) {
            return s.text();
        }
        problem(node.location(), what + ": cannot unmarshal " + describe(node) + " into string");
        return "";
    }

    /** The field {@code key} as a Prometheus duration; empty when absent, null or malformed. */
    public Optional<Duration> duration(Mapping mapping, String key) {
        Optional<YamlNode> node = mapping.get(key);
        if (node.isEmpty() || (node.get() instanceof Scalar s && s.isNull())) {
            return Optional.empty();
        }
        String text = string(node.get(), "field " + key);
        if (!(node.get() instanceof Scalar)) {
            return Optional.empty();
        }
        try {
            return Optional.of(PromDuration.parse(text));
        } catch (IllegalArgumentException e) {
            problem(node.get().location(), "field " + key + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The field {@code key} as an integer; 0 when absent, null or not an integer. */
    public long integer(Mapping mapping, String key) {
        Optional<YamlNode> node = mapping.get(key);
        if (node.isEmpty() || (node.get() instanceof Scalar s && s.isNull())) {
            return 0;
        }
        if (node.get() instanceof Scalar s && s.type() == ScalarType.INT) {
            try {
                return parseInteger(s.text());
            } catch (NumberFormatException e) {
                problem(s.location(), "field " + key + ": integer out of range: " + s.text());
                return 0;
            }
        }
        problem(node.get().location(), "field " + key + ": cannot unmarshal " + describe(node.get()) + " into int");
        return 0;
    }

    /** The field {@code key} as a number; {@code fallback} when absent or null. */
    public double number(Mapping mapping, String key, double fallback) {
        Optional<YamlNode> node = mapping.get(key);
        if (node.isEmpty() || (node.get() instanceof Scalar s && s.isNull())) {
            return fallback;
        }
        if (node.get() instanceof Scalar s && (s.type() == ScalarType.INT || s.type() == ScalarType.FLOAT)) {
            try {
                return s.type() == ScalarType.INT ? (double) parseInteger(s.text()) : parseFloat(s.text());
            } catch (NumberFormatException e) {
                // an integer too large for a long still reads as a float, as in Go
                try {
                    return parseFloat(s.text());
                } catch (NumberFormatException e2) {
                    problem(s.location(), "field " + key + ": cannot read number " + s.text());
                    return fallback;
                }
            }
        }
        problem(node.get().location(), "field " + key + ": cannot unmarshal " + describe(node.get()) + " into float64");
        return fallback;
    }

    /** The field {@code key} as a mapping of strings, in document order; empty when absent or null. */
    public Map<String, String> stringMap(Mapping mapping, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<YamlNode> node = mapping.get(key);
        if (node.isEmpty()) {
            return out;
        }
        if (node.get() instanceof Mapping m) {
            for (Entry entry : m.entries()) {
                out.put(entry.key().text(), string(entry.value(), "field " + key + "." + entry.key().text()));
            }
        } else if (!(node.get() instanceof Scalar s && s.isNull())) {
            problem(node.get().location(), "field " + key + ": cannot unmarshal " + describe(node.get()) + " into map[string]string");
        }
        return out;
    }

    /** The field {@code key} as a sequence; empty when absent or null. */
    public List<YamlNode> list(Mapping mapping, String key) {
        Optional<YamlNode> node = mapping.get(key);
        if (node.isEmpty()) {
            return List.of();
        }
        if (node.get() instanceof Sequence s) {
            return s.items();
        }
        if (!(node.get() instanceof Scalar s && s.isNull())) {
            problem(node.get().location(), "field " + key + ": cannot unmarshal " + describe(node.get()) + " into a list");
        }
        return List.of();
    }

    /** The field {@code key} as a list of strings; empty when absent or null. */
    public List<String> stringList(Mapping mapping, String key) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : list(mapping, key)) {
            out.add(string(item, "field " + key));
        }
        return out;
    }

    /** How a node is named in messages: its tag, and the text of a short scalar, as Go's decoder does. */
    static String describe(YamlNode node) {
        if (node instanceof Scalar s && !s.isNull()) {
            String text = s.text().length() > 40 ? s.text().substring(0, 37) + "..." : s.text();
            return s.tag() + " `" + text + "`";
        }
        return node.tag();
    }

    /** YAML's integers: optional sign, then decimal, {@code 0x} hexadecimal or {@code 0o} octal, with underscores. */
    static long parseInteger(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        long value;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            value = Long.parseLong(t.substring(2), 16);
        } else if (t.startsWith("0o")) {
            value = Long.parseLong(t.substring(2), 8);
        } else {
            value = Long.parseLong(t, 10);
        }
        return negative ? -value : value;
    }

    /** YAML's floats, including {@code .inf}, {@code -.inf} and {@code .nan}. */
    static double parseFloat(String text) {
        String t = text.replace("_", "").toLowerCase(Locale.ROOT);
        return switch (t) {
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            case ".nan" -> Double.NaN;
            default -> Double.parseDouble(t);
        };
    }
}
