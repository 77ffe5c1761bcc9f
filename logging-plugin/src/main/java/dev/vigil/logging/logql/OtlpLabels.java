package dev.vigil.logging.logql;

import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import dev.vigil.api.metrics.Labels;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a {@link LogRecord} appears to LogQL, following Loki's mapping of OTLP logs:
 * <ul>
 *   <li>Stream labels come from the resource attributes Loki indexes by default ({@link #STREAM_ATTRIBUTES}), named
 *       as Loki names them: every character but letters, digits and {@code _} becomes {@code _}
 *       ({@code service.name} is {@code service_name}). A record without {@code service.name} is in
 *       {@code service_name="unknown_service"}, as {@link LogRecord#service()} has it.</li>
 *   <li>Everything else is structured metadata on each line: the other resource attributes, the logger as
 *       {@code scope_name}, the record's attributes, {@code trace_id}, {@code span_id}, {@code severity_text}, and
 *       {@code detected_level} (trace, debug, info, warn, error or fatal), which Loki derives from a level-like
 *       attribute or the severity.</li>
 * </ul>
 * A metadata name that is also a stream label gets the suffix {@code _extracted}, as in Loki. Stateless and
 * thread-safe.
 */
public final class OtlpLabels {

    /** The stream label of the service. */
    public static final String SERVICE_NAME = "service_name";

    /** The structured metadata that holds a record's level, as Loki's level detection names it. */
    public static final String DETECTED_LEVEL = "detected_level";

    /** What Loki adds to a name that is already taken by a stream label. */
    static final String DUPLICATE_SUFFIX = "_extracted";

    /** The resource attributes that are stream labels, as in Loki's default {@code otlp_config}. */
    public static final List<String> STREAM_ATTRIBUTES = List.of(
            "service.name", "service.namespace", "service.instance.id", "deployment.environment",
            "deployment.environment.name", "cloud.region", "cloud.availability_zone", "k8s.cluster.name",
            "k8s.namespace.name", "k8s.pod.name", "k8s.container.name", "container.name", "k8s.replicaset.name",
            "k8s.deployment.name", "k8s.statefulset.name", "k8s.daemonset.name", "k8s.cronjob.name", "k8s.job.name");

    private static final Set<String> STREAM_ATTRIBUTE_SET = Set.copyOf(STREAM_ATTRIBUTES);
    private static final Map<String, String> ATTRIBUTE_BY_LABEL;

    /** Attributes whose value Loki takes as a record's level, in the order it looks for them. */
    private static final List<String> LEVEL_FIELDS = List.of("level", "LEVEL", "Level", "severity", "SEVERITY", "Severity",
            "SeverityText", "lvl", "LVL", "Lvl", "severity_text", "Severity_Text", "SEVERITY_TEXT");

    static {
        Map<String, String> byLabel = new TreeMap<>();
        for (String attribute : STREAM_ATTRIBUTES) {
            byLabel.put(labelName(attribute), attribute);
        }
        ATTRIBUTE_BY_LABEL = Map.copyOf(byLabel);
    }

    private OtlpLabels() {}

    /**
     * The label name of an attribute: each character other than an ASCII letter, digit or {@code _} becomes
     * {@code _}, and a name that starts with a digit gets the prefix {@code key_} (one that starts with a single
     * {@code _} gets {@code key}).
     */
    public static String labelName(String attribute) {
        if (attribute.isEmpty()) {
            return attribute;
        }
        StringBuilder out = null;
        for (int i = 0; i < attribute.length(); i++) {
            char c = attribute.charAt(i);
            boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!valid && out == null) {
                out = new StringBuilder(attribute.length()).append(attribute, 0, i);
            }
            if (out != null) {
                out.append(valid ? c : '_');
            }
        }
        String name = out == null ? attribute : out.toString();
        char first = name.charAt(0);
        if (first >= '0' && first <= '9') {
            return "key_" + name;
        }
        if (first == '_' && !name.startsWith("__")) {
            return "key" + name;
        }
        return name;
    }

    /** Whether a resource attribute is a stream label rather than structured metadata. */
    public static boolean isStreamAttribute(String attribute) {
        return STREAM_ATTRIBUTE_SET.contains(attribute);
    }

    /** The resource attribute a stream label comes from, such as {@code service.name} for {@code service_name}. */
    public static Optional<String> attributeOf(String label) {
        return Optional.ofNullable(ATTRIBUTE_BY_LABEL.get(label));
    }

    /**
     * The stream labels of a resource: the stream attributes it has, by label name, and {@code service_name}
     * ({@code unknown_service} when the resource names no service).
     */
    public static Labels streamLabels(Map<String, String> resource) {
        Labels.Builder builder = Labels.builder();
        for (Map.Entry<String, String> attribute : resource.entrySet()) {
            if (isStreamAttribute(attribute.getKey())) {
                builder.set(labelName(attribute.getKey()), attribute.getValue());
            }
        }
        if (builder.get(SERVICE_NAME) == null) {
            builder.set(SERVICE_NAME, LogRecord.UNKNOWN_SERVICE);
        }
        return builder.build();
    }

    /** The structured metadata of a record, by label name; names taken by {@code streamLabels} get {@code _extracted}. */
    public static Map<String, String> structuredMetadata(LogRecord record, Labels streamLabels) {
        Map<String, String> metadata = new TreeMap<>();
        for (Map.Entry<String, String> attribute : record.resource().entrySet()) {
            if (!isStreamAttribute(attribute.getKey())) {
                put(metadata, streamLabels, labelName(attribute.getKey()), attribute.getValue());
            }
        }
        if (!record.scope().isEmpty()) {
            put(metadata, streamLabels, "scope_name", record.scope());
        }
        for (Map.Entry<String, String> attribute : record.attributes().entrySet()) {
            put(metadata, streamLabels, labelName(attribute.getKey()), attribute.getValue());
        }
        if (!record.severityText().isEmpty()) {
            put(metadata, streamLabels, "severity_text", record.severityText());
        }
        if (!record.traceId().isEmpty()) {
            put(metadata, streamLabels, "trace_id", record.traceId());
        }
        if (!record.spanId().isEmpty()) {
            put(metadata, streamLabels, "span_id", record.spanId());
        }
        if (!metadata.containsKey(DETECTED_LEVEL)) {
            put(metadata, streamLabels, DETECTED_LEVEL, detectedLevel(record));
        }
        return metadata;
    }

    /**
     * The level Loki detects for a record: from a level-like attribute ({@code level}, {@code severity},
     * {@code lvl} and their variants) or the severity text, normalised to Loki's names when it is one of them;
     * otherwise from the severity.
     */
    public static String detectedLevel(LogRecord record) {
        for (String field : LEVEL_FIELDS) {
            String value = field.equals("severity_text") && !record.severityText().isEmpty()
                    ? record.severityText() : record.attributes().get(field);
            if (value != null && !value.isEmpty()) {
                return normalizeLevel(value);
            }
        }
        return levelName(record.severity());
    }

    /** Loki's name of a severity range. */
    public static String levelName(Severity severity) {
        return severity.label();
    }

    /** A level name in Loki's words when it is a known one ({@code WARNING} is {@code warn}), else as given. */
    static String normalizeLevel(String level) {
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "trace", "trc" -> "trace";
            case "debug", "dbg" -> "debug";
            case "info", "inf", "information" -> "info";
            case "warn", "wrn", "warning" -> "warn";
            case "error", "err" -> "error";
            case "critical" -> "critical";
            case "fatal" -> "fatal";
            default -> level;
        };
    }

    private static void put(Map<String, String> metadata, Labels streamLabels, String name, String value) {
        if (name.isEmpty() || value.isEmpty()) {
            return;
        }
        metadata.put(streamLabels.has(name) ? name + DUPLICATE_SUFFIX : name, value);
    }
}
