package dev.vigil.alerting.rules.unittest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code promtool test rules} file as read.
 *
 * @param path the file
 * @param ruleFiles the rule file patterns, relative to the file's folder
 * @param evaluationInterval how often the rules are evaluated (default 1m)
 * @param groupEvalOrder the group names to evaluate first, in this order
 * @param tests the test groups
 * @param fuzzyCompare whether floats one unit in the last place apart are equal
 */
record UnitTestFile(Path path, List<String> ruleFiles, Duration evaluationInterval, List<String> groupEvalOrder,
        List<TestGroup> tests, boolean fuzzyCompare) {

    UnitTestFile {
        requireNonNull(path, "path is null");
        ruleFiles = List.copyOf(ruleFiles);
        requireNonNull(evaluationInterval, "evaluationInterval is null");
        groupEvalOrder = List.copyOf(groupEvalOrder);
        tests = List.copyOf(tests);
    }

    /**
     * One test group: input series and what to check against them.
     *
     * @param index its place in the file, from 1
     * @param name its name, or {@code ""}
     * @param interval the step of the input series; the evaluation interval when absent
     * @param inputSeries the input series
     * @param alertTests the alert checks
     * @param promqlTests the expression checks
     * @param externalLabels {@code $externalLabels} in templates
     * @param externalUrl {@code $externalURL} in templates
     * @param startTimestamp when the test starts; the epoch when absent
     */
    record TestGroup(int index, String name, Optional<Duration> interval, List<InputSeries> inputSeries,
            List<AlertTest> alertTests, List<PromqlTest> promqlTests, Map<String, String> externalLabels,
            String externalUrl, Optional<Instant> startTimestamp) {
        TestGroup {
            inputSeries = List.copyOf(inputSeries);
            alertTests = List.copyOf(alertTests);
            promqlTests = List.copyOf(promqlTests);
            externalLabels = Map.copyOf(externalLabels);
        }

        /** The latest evaluation time any check asks for. */
        Duration maxEvalTime() {
            Duration max = Duration.ZERO;
            for (AlertTest test : alertTests) {
                max = test.evalTime().compareTo(max) > 0 ? test.evalTime() : max;
            }
            for (PromqlTest test : promqlTests) {
                max = test.evalTime().compareTo(max) > 0 ? test.evalTime() : max;
            }
            return max;
        }
    }

    /** An input series: its labels and its values in the expanding notation. */
    record InputSeries(String series, String values) {}

    /** Which alerts of {@code alertname} should fire at {@code evalTime}. */
    record AlertTest(Duration evalTime, String alertname, List<ExpectedAlert> expected) {
        AlertTest {
            expected = List.copyOf(expected);
        }
    }

    /** One firing alert expected: its labels (without {@code alertname}) and annotations. */
    record ExpectedAlert(Map<String, String> labels, Map<String, String> annotations) {
        ExpectedAlert {
            labels = Map.copyOf(labels);
            annotations = Map.copyOf(annotations);
        }
    }

    /** The samples {@code expr} should give at {@code evalTime}. */
    record PromqlTest(String expr, Duration evalTime, List<ExpectedSample> expected) {
        PromqlTest {
            expected = List.copyOf(expected);
        }
    }

    /** One expected sample: its series in PromQL notation, and its value or native histogram. */
    record ExpectedSample(String labels, double value, String histogram) {}
}
