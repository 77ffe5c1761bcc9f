package dev.vigil.alerting.rules.unittest;

import dev.vigil.alerting.rules.ActiveAlert;
import dev.vigil.alerting.rules.AlertState;
import dev.vigil.alerting.rules.AlertingRule;
import dev.vigil.alerting.rules.Rule;
import dev.vigil.alerting.rules.RuleEnvironment;
import dev.vigil.alerting.rules.RuleGroup;
import dev.vigil.alerting.rules.file.ExpressionValidator;
import dev.vigil.alerting.gotext.GoText;
import dev.vigil.alerting.rules.file.GroupDefinition;
import dev.vigil.alerting.rules.file.NameValidation;
import dev.vigil.alerting.rules.file.PromDuration;
import dev.vigil.alerting.rules.file.RuleFileLoad;
import dev.vigil.alerting.rules.file.RuleFiles;
import dev.vigil.alerting.rules.unittest.ExpectedAlerts.LabelsAndAnnotations;
import dev.vigil.alerting.rules.unittest.UnitTestFile.AlertTest;
import dev.vigil.alerting.rules.unittest.UnitTestFile.ExpectedAlert;
import dev.vigil.alerting.rules.unittest.UnitTestFile.ExpectedSample;
import dev.vigil.alerting.rules.unittest.UnitTestFile.InputSeries;
import dev.vigil.alerting.rules.unittest.UnitTestFile.PromqlTest;
import dev.vigil.alerting.rules.unittest.UnitTestFile.TestGroup;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.Query;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryOptions;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.api.metrics.QueryValue.Sample;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs one test group as promtool does: loads the rule files into fresh groups, evaluates them from the start time
 * to the latest time a check asks for, one evaluation interval at a time, with the input samples up to each
 * evaluation time loaded just before it; checks the firing alerts after the evaluation whose interval holds each
 * alert check's time; stops at the first evaluation where a rule fails; and runs the expression checks at the end.
 */
final class TestGroupRunner {

    private final UnitTestFile file;
    private final TestGroup group;
    private final List<Path> ruleFiles;
    private final Map<String, Integer> evalOrder;
    private final NameValidation names;
    private final List<String> errors = new ArrayList<>();
    private final List<String> unsupported = new ArrayList<>();

    TestGroupRunner(UnitTestFile file, TestGroup group, List<Path> ruleFiles, Map<String, Integer> evalOrder,
            NameValidation names) {
        this.file = file;
        this.group = group;
        this.ruleFiles = ruleFiles;
        this.evalOrder = evalOrder;
        this.names = names;
    }

    TestGroupResult run(RuleTestBackend.Factory backends) {
        try (RuleTestBackend backend = backends.create(file.evaluationInterval())) {
            run(backend);
        }
        return new TestGroupResult(group.index(), group.name(), errors, unsupported);
    }

    private void run(RuleTestBackend backend) {
        Instant mint = group.startTimestamp().orElse(Instant.EPOCH);
        Duration interval = group.interval().orElse(file.evaluationInterval());
        InputLoader inputs = new InputLoader(backend.store());
        for (InputSeries series : group.inputSeries()) {
            if (ExpandingNotation.hasHistogram(series.values())) {
                unsupported.add("input series " + series.series() + ": native histogram samples are not supported");
                continue;
            }
            try {
                inputs.add(SeriesNotation.parse(series.series()), ExpandingNotation.parse(series.values()), mint, interval);
            } catch (NotationException e) {
                errors.add("    input series " + GoText.quote(series.series() + " " + series.values()) + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            return;
        }
        inputs.seal();
        List<RuleGroup> groups = loadGroups(backend, interval);
        if (!errors.isEmpty()) {
            return;
        }
        for (AlertTest test : group.alertTests()) {
            if (test.alertname().isEmpty()) {
                String in = group.name().isEmpty() ? "" : " (in TestGroup " + group.name() + ")";
                errors.add("an item under alert_rule_test misses required attribute alertname at eval_time "
                        + PromDuration.format(test.evalTime()) + in);
                return;
            }
        }
        if (evaluate(groups, inputs, mint)) {
            checkExpressions(backend.query(), mint);
        }
    }

    private List<RuleGroup> loadGroups(RuleTestBackend backend, Duration interval) {
        RuleFiles loader = new RuleFiles(ExpressionValidator.using(backend.query()), names);
        RuleEnvironment env = RuleEnvironment.builder(backend.query(), backend.store())
                .externalLabels(group.externalLabels()).externalUrl(group.externalUrl()).defaultInterval(interval).build();
        List<RuleGroup> groups = new ArrayList<>();
        for (Path path : ruleFiles) {
            RuleFileLoad load = loader.load(path);
            load.problems().forEach(p -> errors.add(p.toString()));
            for (GroupDefinition definition : load.ruleFile().map(f -> f.groups()).orElse(List.of())) {
                RuleGroup ruleGroup = new RuleGroup(path, definition, env, false);
                ruleGroup.markRestored();
                groups.add(ruleGroup);
            }
        }
        groups.sort(Comparator.comparingInt(g -> evalOrder.getOrDefault(g.name(), 0)));
        return groups;
    }

    /** Evaluates every step and checks the alerts; false when a rule failed and the group stopped. */
    private boolean evaluate(List<RuleGroup> groups, InputLoader inputs, Instant mint) {
        Map<Duration, List<AlertTest>> alertTests = new TreeMap<>();
        group.alertTests().forEach(t -> alertTests.computeIfAbsent(t.evalTime(), k -> new ArrayList<>()).add(t));
        List<Duration> alertTimes = new ArrayList<>(alertTests.keySet());
        int nextAlertTime = 0;
        Duration step = file.evaluationInterval();
        Instant maxt = mint.plus(group.maxEvalTime());
        for (Instant ts = mint; !ts.isAfter(maxt); ts = ts.plus(step)) {
            errors.addAll(inputs.loadUntil(ts));
            List<String> evalErrors = new ArrayList<>();
            for (RuleGroup ruleGroup : groups) {
                ruleGroup.evaluate(ts);
                for (Rule rule : ruleGroup.rules()) {
                    String time = GoFormat.goDuration(Duration.between(Instant.EPOCH, ts));
                    rule.lastError().ifPresent(e -> evalErrors.add("    rule: " + rule.name() + ", time: " + time + ", err: " + e));
                }
            }
            errors.addAll(evalErrors);
            if (!evalErrors.isEmpty()) {
                return false;
            }
            Duration elapsed = Duration.between(mint, ts);
            while (nextAlertTime < alertTimes.size() && elapsed.compareTo(alertTimes.get(nextAlertTime)) <= 0
                    && alertTimes.get(nextAlertTime).compareTo(elapsed.plus(step)) < 0) {
                Duration time = alertTimes.get(nextAlertTime++);
                checkAlerts(groups, alertTests.get(time));
            }
        }
        return true;
    }

    private void checkAlerts(List<RuleGroup> groups, List<AlertTest> tests) {
        Map<String, List<LabelsAndAnnotations>> firing = new HashMap<>();
        for (RuleGroup ruleGroup : groups) {
            for (Rule rule : ruleGroup.rules()) {
                if (rule instanceof AlertingRule alerting) {
                    for (ActiveAlert alert : alerting.activeAlerts()) {
                        if (alert.state() == AlertState.FIRING) {
                            firing.computeIfAbsent(rule.name(), n -> new ArrayList<>())
                                    .add(new LabelsAndAnnotations(alert.labels(), Labels.of(alert.annotations())));
                        }
                    }
                }
            }
        }
        for (AlertTest test : tests) {
            List<LabelsAndAnnotations> expected = new ArrayList<>();
            try {
                for (ExpectedAlert alert : test.expected()) {
                    Map<String, String> labels = new LinkedHashMap<>(alert.labels());
                    labels.put("alertname", test.alertname());
                    expected.add(ExpectedAlerts.of(labels, alert.annotations()));
                }
            } catch (IllegalArgumentException e) {
                errors.add("    alertname: " + test.alertname() + ", time: " + PromDuration.format(test.evalTime())
                        + ", err: " + e.getMessage());
                continue;
            }
            List<LabelsAndAnnotations> exp = ExpectedAlerts.sorted(expected);
            List<LabelsAndAnnotations> got = ExpectedAlerts.sorted(firing.getOrDefault(test.alertname(), List.of()));
            if (!exp.equals(got)) {
                String name = group.name().isEmpty() ? "" : "    name: " + group.name() + ",\n";
                String indent = "            ";
                errors.add(name + "    alertname: " + test.alertname() + ", time: " + PromDuration.format(test.evalTime())
                        + ", \n        exp:" + ExpectedAlerts.indent(ExpectedAlerts.render(exp), indent)
                        + ", \n        got:" + ExpectedAlerts.indent(ExpectedAlerts.render(got), indent));
            }
        }
    }

    private void checkExpressions(MetricQuery query, Instant mint) {
        for (PromqlTest test : group.promqlTests()) {
            String prefix = "    expr: " + GoText.quote(test.expr()) + ", time: " + PromDuration.format(test.evalTime());
            if (test.expected().stream().anyMatch(s -> !s.histogram().isEmpty())) {
                unsupported.add(prefix.strip() + ": expects native histogram samples, which are not supported");
                continue;
            }
            List<Sample> got;
            try {
                got = vector(query, test.expr(), mint.plus(test.evalTime()));
            } catch (QueryException e) {
                errors.add(prefix + ", err: " + e.getMessage());
                continue;
            }
            List<Sample> expected = new ArrayList<>();
            boolean bad = false;
            for (ExpectedSample sample : test.expected()) {
                try {
                    expected.add(new Sample(SeriesNotation.parse(sample.labels()), 0, sample.value()));
                } catch (NotationException e) {
                    errors.add(prefix + ", err: labels " + GoText.quote(sample.labels()) + ": " + e.getMessage());
                    bad = true;
                    break;
                }
            }
            if (bad) {
                continue;
            }
            Comparator<Sample> order = Comparator.comparing(Sample::labels);
            expected.sort(order);
            List<Sample> actual = new ArrayList<>(got);
            actual.sort(order);
            if (!same(expected, actual)) {
                errors.add(prefix + ",\n        exp: " + render(expected) + "\n        got: " + render(actual));
            }
        }
    }

    private boolean same(List<Sample> expected, List<Sample> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            Sample e = expected.get(i);
            Sample a = actual.get(i);
            if (!e.labels().equals(a.labels()) || !sameValue(e.value(), a.value())) {
                return false;
            }
        }
        return true;
    }

    private boolean sameValue(double expected, double actual) {
        if (expected == actual) {
            return true;
        }
        return file.fuzzyCompare() && (Math.nextUp(expected) == actual || Math.nextDown(expected) == actual);
    }

    private static String render(List<Sample> samples) {
        if (samples.isEmpty()) {
            return "nil";
        }
        List<String> parts = new ArrayList<>();
        for (Sample s : samples) {
            parts.add(GoFormat.labels(s.labels()) + " " + GoFormat.scientific(s.value()));
        }
        return String.join(", ", parts);
    }

    /** The result of {@code expr} at {@code time}: a vector, or a scalar as one sample without labels. */
    private static List<Sample> vector(MetricQuery query, String expr, Instant time) throws QueryException {
        QueryValue value;
        try (Query q = query.instantQuery(expr, time, QueryOptions.DEFAULTS)) {
            value = q.execute().value();
        }
        if (value instanceof QueryValue.VectorValue vector) {
            return vector.samples();
        }
        if (value instanceof QueryValue.ScalarValue scalar) {
            return List.of(new Sample(Labels.EMPTY, scalar.timestamp(), scalar.value()));
        }
        throw new QueryException(QueryException.ErrorType.BAD_DATA, "rule result is not a vector or scalar");
    }
}
