package dev.vigil.metrics.promql.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs Prometheus's PromQL test scripts ({@code ../../shared/conformance/promql/*.test}, relative to this
 * module) against {@link dev.vigil.metrics.promql.engine.PromqlEngine} and checks that Vigil answers as
 * Prometheus does. Every {@code eval} is a case named {@code <file>:<line>}; it passes, fails, or is
 * unsupported because it needs native histograms (see {@link NativeHistogramCases} for the exact rule; such
 * cases are counted apart, never as passed).
 *
 * <p>It prints one line per file and a total, {@code promql conformance <file>: N passed, M failed, K
 * unsupported}, and writes every failing case with its reason to {@code target/promql-conformance.txt}. The
 * test fails when a case fails that is not listed in {@code src/test/resources/promql/expected-failures.txt},
 * when a listed case no longer fails, or when less than 95% of the supported cases of a file pass.
 *
 * <p>Run it alone with {@code mvn -B -q -o test -pl metrics-plugin -Dtest=PromqlConformanceTest}; add
 * {@code -Dpromql.conformance.file=functions.test} (several separated by commas) for some files only,
 * {@code -Dpromql.conformance.dir=<folder>} for scripts elsewhere, and {@code -Dpromql.conformance.rangeMode=false}
 * to leave out the range-mode check of instant evals (see {@link ScriptRunner}).
 */
class PromqlConformanceTest {

    /** The folder of the scripts, relative to the module: CI checks {@code shared} out beside the clone. */
    static final String DEFAULT_DIR = "../../shared/conformance/promql";
    static final String DIR_PROPERTY = "promql.conformance.dir";
    static final String FILE_PROPERTY = "promql.conformance.file";
    static final Path REPORT = Path.of("target", "promql-conformance.txt");
    static final double THRESHOLD = 0.95;

    @Test
    void answersAsPrometheusDoes() throws IOException {
        ExpectedFailures expected = ExpectedFailures.load();
        ConformanceReport report = new ConformanceReport();
        for (Path file : scripts()) {
            String name = file.getFileName().toString();
            Script script = ScriptParser.parse(name, Files.readString(file, StandardCharsets.UTF_8));
            report.add(name, ScriptRunner.run(script));
        }

        List<String> unexpected = report.unexpectedFailures(expected);
        List<String> stale = report.staleEntries(expected);
        List<String> belowThreshold = report.belowThreshold(THRESHOLD);
        List<String> verdict = new ArrayList<>();
        if (!unexpected.isEmpty()) {
            verdict.add(unexpected.size() + " failing cases are not listed in " + ExpectedFailures.RESOURCE);
        }
        if (!stale.isEmpty()) {
            verdict.add(stale.size() + " listed cases no longer fail: " + String.join("; ", stale));
        }
        belowThreshold.forEach(verdict::add);

        report.summaryLines().forEach(System.out::println);
        report.passRateLines().forEach(System.out::println);
        report.write(REPORT, expected, verdict);

        if (!verdict.isEmpty()) {
            fail(String.join("\n", report.summaryLines()) + "\n\n" + String.join("\n", verdict)
                    + "\n\nfailing cases not listed (all of them, with reasons, in " + REPORT.toAbsolutePath() + "):\n  "
                    + unexpected.stream().limit(40).collect(Collectors.joining("\n  "))
                    + (unexpected.size() > 40 ? "\n  ... and " + (unexpected.size() - 40) + " more" : ""));
        }
    }

    /** The scripts to run: every {@code *.test} in the folder, or those the file property names. */
    private static List<Path> scripts() throws IOException {
        Path dir = Path.of(System.getProperty(DIR_PROPERTY, DEFAULT_DIR));
        if (!Files.isDirectory(dir)) {
            fail("the PromQL conformance scripts are missing: no folder " + dir.toAbsolutePath().normalize()
                    + " (the tests run in the metrics-plugin module, and expect the shared folder beside the clone, at "
                    + DEFAULT_DIR + "; set -D" + DIR_PROPERTY + "=<folder> to use another)");
        }
        List<Path> all;
        try (Stream<Path> files = Files.list(dir)) {
            all = files.filter(p -> p.getFileName().toString().endsWith(".test")).sorted().toList();
        }
        assertThat(all).as("*.test files in %s", dir.toAbsolutePath().normalize()).isNotEmpty();
        String only = System.getProperty(FILE_PROPERTY, "").strip();
        if (only.isEmpty()) {
            return all;
        }
        Set<String> wanted = new TreeSet<>(Arrays.stream(only.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        List<Path> chosen = all.stream().filter(p -> wanted.contains(p.getFileName().toString())).toList();
        assertThat(chosen).as("files named by -D%s=%s among %s", FILE_PROPERTY, only,
                all.stream().map(p -> p.getFileName().toString()).toList()).hasSameSizeAs(wanted);
        return chosen;
    }
}
