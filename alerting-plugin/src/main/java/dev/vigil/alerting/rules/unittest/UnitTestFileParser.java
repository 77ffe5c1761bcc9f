package dev.vigil.alerting.rules.unittest;

import dev.vigil.alerting.rules.file.Location;
import dev.vigil.alerting.rules.file.YamlDecoder;
import dev.vigil.alerting.rules.file.YamlNode;
import dev.vigil.alerting.rules.file.YamlNode.Mapping;
import dev.vigil.alerting.rules.file.YamlReader;
import dev.vigil.alerting.rules.file.YamlSyntaxException;
import dev.vigil.alerting.rules.unittest.UnitTestFile.AlertTest;
import dev.vigil.alerting.rules.unittest.UnitTestFile.ExpectedAlert;
import dev.vigil.alerting.rules.unittest.UnitTestFile.ExpectedSample;
import dev.vigil.alerting.rules.unittest.UnitTestFile.InputSeries;
import dev.vigil.alerting.rules.unittest.UnitTestFile.PromqlTest;
import dev.vigil.alerting.rules.unittest.UnitTestFile.TestGroup;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a {@code promtool test rules} file strictly: an unknown field is an error, as in promtool. */
final class UnitTestFileParser {

    private static final Set<String> FILE_FIELDS =
            Set.of("rule_files", "evaluation_interval", "group_eval_order", "tests", "fuzzy_compare");
    private static final Set<String> GROUP_FIELDS = Set.of("interval", "input_series", "alert_rule_test", "promql_expr_test",
            "external_labels", "external_url", "name", "start_timestamp");

    private final Path path;
    private final YamlDecoder decoder = new YamlDecoder();

    private UnitTestFileParser(Path path) {
        this.path = path;
    }

    /**
     * The test file {@code text} read from {@code path}.
     *
     * @throws UnitTestFileException listing every problem, each with its line and column
     */
    static UnitTestFile parse(Path path, String text) throws UnitTestFileException {
        return new UnitTestFileParser(path).file(text);
    }

    private UnitTestFile file(String text) throws UnitTestFileException {
        Optional<YamlNode> root;
        try {
            root = YamlReader.read(text);
        } catch (YamlSyntaxException e) {
            throw new UnitTestFileException(List.of(path + ": " + e.location() + ": " + e.getMessage()));
        }
        Mapping top = root.map(node -> decoder.mapping(node, "test file", FILE_FIELDS))
                .orElse(new Mapping(List.of(), Location.START));
        List<String> ruleFiles = decoder.stringList(top, "rule_files");
        Duration evaluationInterval = decoder.duration(top, "evaluation_interval").filter(d -> !d.isZero())
                .orElse(Duration.ofMinutes(1));
        List<String> order = decoder.stringList(top, "group_eval_order");
        boolean fuzzy = decoder.string(top, "fuzzy_compare").equals("true");
        List<TestGroup> tests = new ArrayList<>();
        List<YamlNode> groupNodes = decoder.list(top, "tests");
        for (int i = 0; i < groupNodes.size(); i++) {
            tests.add(group(i + 1, decoder.mapping(groupNodes.get(i), "test group", GROUP_FIELDS)));
        }
        if (!decoder.problems().isEmpty()) {
            throw new UnitTestFileException(decoder.problems().stream()
                    .map(p -> path + ": " + p.location() + ": " + p.message()).toList());
        }
        return new UnitTestFile(path, ruleFiles, evaluationInterval, order, tests, fuzzy);
    }

    private TestGroup group(int index, Mapping g) {
        List<InputSeries> series = new ArrayList<>();
        for (YamlNode node : decoder.list(g, "input_series")) {
            Mapping s = decoder.mapping(node, "input series", Set.of("series", "values"));
            series.add(new InputSeries(decoder.string(s, "series"), decoder.string(s, "values")));
        }
        List<AlertTest> alerts = new ArrayList<>();
        for (YamlNode node : decoder.list(g, "alert_rule_test")) {
            Mapping a = decoder.mapping(node, "alert test", Set.of("eval_time", "alertname", "exp_alerts"));
            List<ExpectedAlert> expected = new ArrayList<>();
            for (YamlNode e : decoder.list(a, "exp_alerts")) {
                Mapping m = decoder.mapping(e, "expected alert", Set.of("exp_labels", "exp_annotations"));
                expected.add(new ExpectedAlert(decoder.stringMap(m, "exp_labels"), decoder.stringMap(m, "exp_annotations")));
            }
            alerts.add(new AlertTest(evalTime(a), decoder.string(a, "alertname"), expected));
        }
        List<PromqlTest> exprs = new ArrayList<>();
        for (YamlNode node : decoder.list(g, "promql_expr_test")) {
            Mapping p = decoder.mapping(node, "expression test", Set.of("expr", "eval_time", "exp_samples"));
            List<ExpectedSample> expected = new ArrayList<>();
            for (YamlNode e : decoder.list(p, "exp_samples")) {
                Mapping m = decoder.mapping(e, "expected sample", Set.of("labels", "value", "histogram"));
                expected.add(new ExpectedSample(decoder.string(m, "labels"), decoder.number(m, "value", 0),
                        decoder.string(m, "histogram")));
            }
            exprs.add(new PromqlTest(decoder.string(p, "expr"), evalTime(p), expected));
        }
        return new TestGroup(index, decoder.string(g, "name"), decoder.duration(g, "interval").filter(d -> !d.isZero()),
                series, alerts, exprs, decoder.stringMap(g, "external_labels"), decoder.string(g, "external_url"),
                startTimestamp(g));
    }

    private Duration evalTime(Mapping m) {
        return decoder.duration(m, "eval_time").orElse(Duration.ZERO);
    }

    /** {@code start_timestamp}: Unix seconds (with a fraction) or an RFC 3339 time. */
    private Optional<Instant> startTimestamp(Mapping g) {
        Optional<YamlNode> node = g.get("start_timestamp");
        String text = decoder.string(g, "start_timestamp");
        if (node.isEmpty() || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            BigDecimal seconds = new BigDecimal(text);
            return Optional.of(Instant.ofEpochMilli(seconds.movePointRight(3).longValue()));
        } catch (NumberFormatException e) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e2) {
                decoder.problem(node.get().location(), "field start_timestamp: cannot parse " + text
                        + " as a Unix timestamp or an RFC 3339 time");
                return Optional.empty();
            }
        }
    }
}
