package dev.vigil.logging.metrics;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.api.logs.LineFilter;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Re2Pattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One log-based metric, an entry of the logging plugin's {@code metrics} list: a counter series counting the records
 * that match.
 *
 * @param name the metric name, such as {@code log_errors_total}; a counter's name should end in {@code _total}
 * @param help its description
 * @param services the services ({@code service.name}) counted; empty for all
 * @param severities the severities counted, such as {@code [error, fatal]}; empty for all
 * @param loggers the loggers counted, exactly; empty for all
 * @param contains texts the body must all contain
 * @param regex a regular expression (RE2) the body must match somewhere, or empty
 * @param attributes attribute values the record must carry, exactly
 * @param labels what becomes a label of the series: {@code service}, {@code level}, {@code logger}, or the name of a
 *     resource or record attribute (dots become underscores in the label name); default {@code [service]}
 */
public record LogMetricSettings(String name, String help, Set<String> services, Set<Severity> severities, Set<String> loggers,
        List<String> contains, String regex, Map<String, String> attributes, List<String> labels) {

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if the name is not a valid metric name, the regular expression is not valid,
     *     or a label is given twice
     */
    public LogMetricSettings {
        requireNonNull(name, "name is null");
        requireNonNull(help, "help is null");
        requireNonNull(regex, "regex is null");
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: '" + name + "' is not a valid metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)");
        }
        services = Set.copyOf(services);
        severities = severities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(severities));
        loggers = Set.copyOf(loggers);
        contains = List.copyOf(contains);
        attributes = Map.copyOf(attributes);
        labels = List.copyOf(labels);
        if (Set.copyOf(labels).size() != labels.size()) {
            throw new IllegalArgumentException("labels: a label is listed twice in " + labels);
        }
        if (!regex.isEmpty()) {
            LineFilter.regex(regex);
        }
    }

    /** The filter these settings describe, for every time. */
    LogFilter filter() {
        LogFilter filter = LogFilter.between(Instant.MIN, Instant.MAX).withSeverities(severities).withLoggers(loggers);
        if (!services.isEmpty()) {
            filter = filter.withResource(LabelMatcher.regex(LogRecord.SERVICE_NAME,
                    String.join("|", services.stream().map(Re2Pattern::quoteMeta).toList())));
        }
        for (String text : contains) {
            filter = filter.withLines(LineFilter.contains(text));
        }
        if (!regex.isEmpty()) {
            filter = filter.withLines(LineFilter.regex(regex));
        }
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            filter = filter.withAttributes(LabelMatcher.equal(e.getKey(), e.getValue()));
        }
        return filter;
    }


    @JsonCreator
    private static LogMetricSettings fromConfig(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty("help") @Nullable String help,
            @JsonProperty("services") @Nullable List<String> services,
            @JsonProperty("severities") @Nullable List<String> severities,
            @JsonProperty("loggers") @Nullable List<String> loggers,
            @JsonProperty("contains") @Nullable List<String> contains,
            @JsonProperty("regex") @Nullable String regex,
            @JsonProperty("attributes") @Nullable Map<String, String> attributes,
            @JsonProperty("labels") @Nullable List<String> labels) {
        List<Severity> parsed = new ArrayList<>();
        for (String s : requireNonNullElse(severities, List.<String>of())) {
            parsed.add(Severity.parse(s).orElseThrow(() -> new IllegalArgumentException("severities: '" + s
                    + "' is not a severity (trace, debug, info, warn, error, fatal)")));
        }
        return new LogMetricSettings(name, requireNonNullElse(help, "Log records counted by the logging plugin"),
                Set.copyOf(requireNonNullElse(services, List.of())), Set.copyOf(parsed), Set.copyOf(requireNonNullElse(loggers, List.of())),
                requireNonNullElse(contains, List.of()), requireNonNullElse(regex, ""),
                new LinkedHashMap<>(requireNonNullElse(attributes, Map.of())),
                requireNonNullElse(labels, List.of("service")));
    }

    /** The label name a {@code labels} entry gives. */
    static String labelName(String label) {
        StringBuilder out = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ok = c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9';
            out.append(ok ? c : '_');
        }
        return out.toString();
    }
}
