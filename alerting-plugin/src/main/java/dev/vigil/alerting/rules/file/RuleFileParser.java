package dev.vigil.alerting.rules.file;

import dev.vigil.alerting.gotext.GoText;
import dev.vigil.alerting.rules.file.YamlNode.Entry;
import dev.vigil.alerting.rules.file.YamlNode.Mapping;
import dev.vigil.alerting.template.AlertTemplate;
import dev.vigil.alerting.template.TemplateException;
import dev.vigil.api.metrics.Labels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the YAML of one rule file into checked {@link GroupDefinition}s, applying Prometheus's checks in
 * Prometheus's order: first the structure (unknown fields, wrong types), and only when that is sound the meaning
 * (names, expressions, templates). Not thread-safe: one parser per file.
 */
final class RuleFileParser {

    private static final Set<String> FILE_FIELDS = Set.of("groups");
    private static final Set<String> GROUP_FIELDS = Set.of("name", "interval", "query_offset", "limit", "rules", "labels");
    private static final Set<String> RULE_FIELDS =
            Set.of("record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations");

    private final Path file;
    private final ExpressionValidator expressions;
    private final NameValidation names;
    private final YamlDecoder decoder = new YamlDecoder();
    private final List<RuleFileProblem> problems = new ArrayList<>();

    private RuleFileParser(Path file, ExpressionValidator expressions, NameValidation names) {
        this.file = file;
        this.expressions = expressions;
        this.names = names;
    }

    /** The groups of {@code text}, or the problems that make it unusable. */
    static RuleFileLoad parse(Path file, String text, ExpressionValidator expressions, NameValidation names) {
        RuleFileParser parser = new RuleFileParser(file, expressions, names);
        Optional<YamlNode> root;
        try {
            root = YamlReader.read(text);
        } catch (YamlSyntaxException e) {
            return RuleFileLoad.failed(file, List.of(new RuleFileProblem(file, e.location(), e.getMessage())));
        }
        if (root.isEmpty()) {
            return RuleFileLoad.loaded(new RuleFile(file, List.of()), List.of());
        }
        List<RawGroup> raw = parser.decode(root.get());
        if (!parser.decoder.problems().isEmpty()) {
            List<RuleFileProblem> found = parser.decoder.problems().stream()
                    .map(p -> new RuleFileProblem(file, p.location(), p.message())).toList();
            return RuleFileLoad.failed(file, found);
        }
        List<GroupDefinition> groups = parser.validate(raw);
        if (!parser.problems.isEmpty()) {
            return RuleFileLoad.failed(file, parser.problems);
        }
        RuleFile ruleFile = new RuleFile(file, groups);
        return RuleFileLoad.loaded(ruleFile, DuplicateRules.find(ruleFile));
    }

    private record RawRule(Mapping node, String record, String alert, String expr, Duration holdDuration,
            Duration keepFiringFor, Map<String, String> labels, Map<String, String> annotations) {}

    private record RawGroup(Mapping node, String name, Optional<Duration> interval, Optional<Duration> queryOffset,
            long limit, Map<String, String> labels, List<RawRule> rules) {}

    private List<RawGroup> decode(YamlNode root) {
        Mapping top = decoder.mapping(root, "rule file", FILE_FIELDS);
        List<RawGroup> groups = new ArrayList<>();
        for (YamlNode groupNode : decoder.list(top, "groups")) {
            Mapping g = decoder.mapping(groupNode, "rule group", GROUP_FIELDS);
            List<RawRule> rules = new ArrayList<>();
            for (YamlNode ruleNode : decoder.list(g, "rules")) {
                Mapping r = decoder.mapping(ruleNode, "rule", RULE_FIELDS);
                rules.add(new RawRule(r, decoder.string(r, "record"), decoder.string(r, "alert"), decoder.string(r, "expr"),
                        decoder.duration(r, "for").orElse(Duration.ZERO),
                        decoder.duration(r, "keep_firing_for").orElse(Duration.ZERO),
                        decoder.stringMap(r, "labels"), decoder.stringMap(r, "annotations")));
            }
            groups.add(new RawGroup(g, decoder.string(g, "name"), decoder.duration(g, "interval"),
                    decoder.duration(g, "query_offset"), decoder.integer(g, "limit"), decoder.stringMap(g, "labels"), rules));
        }
        return groups;
    }

    private List<GroupDefinition> validate(List<RawGroup> raw) {
        Set<String> seen = new HashSet<>();
        List<GroupDefinition> groups = new ArrayList<>();
        for (RawGroup g : raw) {
            if (g.name().isEmpty()) {
                problem(g.node().location(), "Groupname must not be empty");
            }
            if (!seen.add(g.name())) {
                problem(g.node().location(), "groupname: \"" + g.name() + "\" is repeated in the same file");
            }
            if (g.limit() < 0 || g.limit() > Integer.MAX_VALUE) {
                problem(valueLocation(g.node(), "limit"), "limit must be between 0 and " + Integer.MAX_VALUE + ": " + g.limit());
            }
            checkLabels(g.node(), g.labels(), "");
            List<RuleDefinition> rules = new ArrayList<>();
            for (int i = 0; i < g.rules().size(); i++) {
                RawRule r = g.rules().get(i);
                String prefix = "group " + GoText.quote(g.name()) + ", rule " + (i + 1) + ", "
                        + GoText.quote(r.alert().isEmpty() ? r.record() : r.alert()) + ": ";
                validateRule(r, prefix);
                Map<String, String> labels = new LinkedHashMap<>(g.labels());
                labels.putAll(r.labels());
                if (!r.alert().isEmpty()) {
                    rules.add(new AlertingRuleDefinition(r.alert(), r.expr(), r.holdDuration(), r.keepFiringFor(), labels,
                            r.annotations(), r.node().location()));
                } else {
                    rules.add(new RecordingRuleDefinition(r.record(), r.expr(), labels, r.node().location()));
                }
            }
            groups.add(new GroupDefinition(g.name(), g.interval().filter(d -> !d.isZero()), g.queryOffset(),
                    (int) Math.max(0, Math.min(Integer.MAX_VALUE, g.limit())), g.labels(), rules, g.node().location()));
        }
        return groups;
    }

    private void validateRule(RawRule r, String prefix) {
        Mapping node = r.node();
        if (!r.record().isEmpty() && !r.alert().isEmpty()) {
            problem(valueLocation(node, "record"), prefix + "only one of 'record' and 'alert' must be set");
        }
        if (r.record().isEmpty() && r.alert().isEmpty()) {
            problem(node.location(), prefix + "one of 'record' or 'alert' must be set");
        }
        if (r.expr().isEmpty()) {
            problem(valueLocation(node, "expr"), prefix + "field 'expr' must be set in rule");
        } else {
            expressions.problem(r.expr()).ifPresent(p ->
                    problem(valueLocation(node, "expr"), prefix + "could not parse expression: " + p));
        }
        if (!r.record().isEmpty()) {
            Location record = valueLocation(node, "record");
            if (!r.annotations().isEmpty()) {
                problem(record, prefix + "invalid field 'annotations' in recording rule");
            }
            if (!r.holdDuration().isZero()) {
                problem(record, prefix + "invalid field 'for' in recording rule");
            }
            if (!r.keepFiringFor().isZero()) {
                problem(record, prefix + "invalid field 'keep_firing_for' in recording rule");
            }
            if (!names.isValidMetricName(r.record())) {
                problem(record, prefix + "invalid recording rule name: " + r.record());
            }
            if (r.record().contains("{") || r.record().contains("}")) {
                problem(record, prefix + "braces present in the recording rule name; should it be in expr?: " + r.record());
            }
        }
        checkLabels(node, r.labels(), prefix);
        Location annotationsAt = valueLocation(node, "annotations");
        for (String name : r.annotations().keySet()) {
            if (!names.isValidLabelName(name)) {
                problem(keyLocation(node, "annotations", name, annotationsAt), prefix + "invalid annotation name: " + name);
            }
        }
        if (!r.alert().isEmpty()) {
            checkTemplates(r, "labels", r.labels(), "label", prefix);
            checkTemplates(r, "annotations", r.annotations(), "annotation", prefix);
        }
    }

    private void checkLabels(Mapping owner, Map<String, String> labels, String prefix) {
        Location labelsAt = valueLocation(owner, "labels");
        labels.forEach((name, value) -> {
            Location at = keyLocation(owner, "labels", name, labelsAt);
            if (!names.isValidLabelName(name) || name.equals(Labels.METRIC_NAME)) {
                problem(at, prefix + "invalid label name: " + name);
            }
            if (!NameValidation.isValidLabelValue(value)) {
                problem(at, prefix + "invalid label value: " + value);
            }
        });
    }

    private void checkTemplates(RawRule r, String field, Map<String, String> templates, String what, String prefix) {
        Location fieldAt = valueLocation(r.node(), field);
        templates.forEach((name, text) -> {
            if (!text.contains("{{")) {
                return;
            }
            try {
                AlertTemplate.parse("__alert_" + r.alert(), text);
            } catch (TemplateException e) {
                problem(valueOfKey(r.node(), field, name, fieldAt), prefix + what + " " + GoText.quote(name) + ": " + e.getMessage());
            } catch (RuntimeException e) {
                // a fault in the template parser must not stop the other files and rules from being checked
                problem(valueOfKey(r.node(), field, name, fieldAt), prefix + what + " " + GoText.quote(name)
                        + ": the template could not be checked: " + e);
            }
        });
    }

    private void problem(Location location, String message) {
        problems.add(new RuleFileProblem(file, location, message));
    }

    /** Where the value of {@code key} is, or the mapping itself when the key is absent. */
    private static Location valueLocation(Mapping mapping, String key) {
        return mapping.get(key).map(YamlNode::location).orElse(mapping.location());
    }

    private static Location keyLocation(Mapping owner, String field, String key, Location fallback) {
        return owner.get(field).filter(Mapping.class::isInstance).map(Mapping.class::cast)
                .flatMap(m -> m.entry(key)).map(e -> e.key().location()).orElse(fallback);
    }

    private static Location valueOfKey(Mapping owner, String field, String key, Location fallback) {
        return owner.get(field).filter(Mapping.class::isInstance).map(Mapping.class::cast)
                .flatMap(m -> m.entry(key)).map(Entry::value).map(YamlNode::location).orElse(fallback);
    }
}
