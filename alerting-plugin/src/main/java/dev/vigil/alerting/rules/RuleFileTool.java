package dev.vigil.alerting.rules;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.rules.file.CheckReport;
import dev.vigil.alerting.rules.file.RuleFiles;
import dev.vigil.alerting.rules.unittest.RuleTestBackend;
import dev.vigil.alerting.rules.unittest.RuleUnitTester;
import dev.vigil.alerting.rules.unittest.UnitTestResult;
import dev.vigil.api.alerting.RuleTool;
import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.MetricSandbox;
import dev.vigil.api.metrics.Re2Pattern;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@link RuleTool} over the metrics plugin's services: rule files are checked with its PromQL parser, and each unit
 * test group runs in a {@link MetricSandbox} of its own, so over the same store and engine as the server's rules.
 * The services are looked up at each call.
 */
public final class RuleFileTool implements RuleTool {

    private final Supplier<Optional<MetricQuery>> query;
    private final Supplier<Optional<MetricSandbox.Factory>> sandboxes;

    /**
     * A tool over what {@code query} and {@code sandboxes} find when it is used.
     *
     * @param query the platform's engine, whose parser checks rule expressions
     * @param sandboxes where unit-test groups get their empty stores
     */
    public RuleFileTool(Supplier<Optional<MetricQuery>> query, Supplier<Optional<MetricSandbox.Factory>> sandboxes) {
        this.query = requireNonNull(query, "query is null");
        this.sandboxes = requireNonNull(sandboxes, "sandboxes is null");
    }

    /** @throws IllegalStateException if the metrics plugin's engine is not running */
    @Override
    public boolean check(List<Path> files, PrintWriter out) {
        requireNonNull(files, "files is null");
        requireNonNull(out, "out is null");
        MetricQuery engine = query.get()
                .orElseThrow(() -> new IllegalStateException("no MetricQuery service: the metrics plugin is not running"));
        CheckReport report = new RuleFiles(engine).check(files);
        out.print(report.render());
        out.flush();
        return report.ok();
    }

    /** @throws IllegalStateException if the metrics plugin's sandboxes are not available */
    @Override
    public boolean test(List<Path> files, List<String> run, PrintWriter out) {
        requireNonNull(files, "files is null");
        requireNonNull(out, "out is null");
        Predicate<String> selected = selection(run);
        MetricSandbox.Factory factory = sandboxes.get()
                .orElseThrow(() -> new IllegalStateException("no MetricSandbox.Factory service: the metrics plugin is not running"));
        RuleUnitTester tester = new RuleUnitTester(RuleTestBackend.Factory.of(factory));
        boolean passed = true;
        for (Path file : files) {
            UnitTestResult result = tester.run(file, selected);
            out.print(result.render());
            if (result.passed()) {
                out.println();
            }
            out.flush();
            passed &= result.passed();
        }
        return passed;
    }

    /** Groups whose name one of the RE2 patterns finds; every group when there are none. */
    static Predicate<String> selection(List<String> run) {
        requireNonNull(run, "run is null");
        if (run.isEmpty()) {
            return name -> true;
        }
        List<Pattern> patterns = run.stream().map(regex -> {
            try {
                return Pattern.compile(Re2Pattern.toJavaSyntax(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("not a valid regular expression: " + regex + " (" + e.getDescription() + ")", e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a valid regular expression: " + regex + " (" + e.getMessage() + ")", e);
            }
        }).toList();
        return name -> patterns.stream().anyMatch(p -> p.matcher(name).find());
    }
}
