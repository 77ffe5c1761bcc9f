package dev.vigil.alerting.rules.unittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.vigil.alerting.rules.file.RuleFileLoad;
import dev.vigil.alerting.rules.file.RuleFiles;
import dev.vigil.alerting.rules.file.YamlNode;
import dev.vigil.alerting.rules.file.YamlReader;
import dev.vigil.alerting.rules.file.YamlSyntaxException;
import dev.vigil.alerting.rules.unittest.TestGroupResult.Outcome;
import dev.vigil.metrics.promql.engine.EngineSettings;
import dev.vigil.metrics.promql.engine.PromqlEngine;
import dev.vigil.metrics.sandbox.TsdbSandboxes;
import dev.vigil.metrics.testing.TestingMetricStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs Prometheus's own {@code promtool} test data ({@code ../../shared/conformance/rules/}, relative to this module)
 * and checks that Vigil passes what promtool passes and fails what promtool fails.
 *
 * <p>Each test group of a {@code promtool test rules} file is a case, {@code <file>#<n>} (a file that cannot be
 * read at all is the case {@code <file>}); each rule file is checked as {@code promtool check rules} would, as the
 * case {@code check:<file>}. A group that uses native histograms, which Vigil does not store, is counted as
 * unsupported when everything else in it passes, never as passed. The cases expected to fail are listed with
 * their reasons in {@code src/test/resources/rules/expected-failures.txt}; the test fails when another case
 * fails, and when a listed case stops failing. It prints {@code rules conformance: N passed, M failed, K
 * unsupported} and one line per file, and writes the details to {@code target/rules-conformance.txt}.
 */
class RulesConformanceTest {

    static final String DIR_PROPERTY = "rules.conformance.dir";
    static final String DEFAULT_DIR = "../../shared/conformance/rules";
    static final String EXPECTED = "/rules/expected-failures.txt";
    static final Path REPORT = Path.of("target", "rules-conformance.txt");
    static final Path SANDBOXES = Path.of("target", "rules-conformance-sandboxes");

    private record Case(String id, Outcome outcome, String details) {}

    @Test
    void passesWhatPromtoolPassesAndFailsWhatItFails() throws IOException {
        Map<String, String> expected = ExpectedOutcomes.parse(resource());
        Path dir = Path.of(System.getProperty(DIR_PROPERTY, DEFAULT_DIR));
        if (!Files.isDirectory(dir)) {
            fail("the rules conformance data is missing: no folder " + dir.toAbsolutePath().normalize()
                    + " (tests run in the alerting-plugin module and expect the shared folder at " + DEFAULT_DIR
                    + "; set -D" + DIR_PROPERTY + "=<folder> to use another)");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).as("YAML files in %s", dir.toAbsolutePath().normalize()).isNotEmpty();

        Map<String, List<Case>> byFile = new LinkedHashMap<>();
        for (Path file : files) {
            byFile.put(file.getFileName().toString(), isRuleFile(file) ? List.of(check(file)) : unitTest(file));
        }

        List<String> lines = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        int unsupported = 0;
        StringBuilder details = new StringBuilder();
        for (Map.Entry<String, List<Case>> file : byFile.entrySet()) {
            int p = 0;
            int f = 0;
            int u = 0;
            for (Case c : file.getValue()) {
                switch (c.outcome()) {
                    case PASSED -> p++;
                    case FAILED -> f++;
                    case UNSUPPORTED -> u++;
                }
                boolean listed = expected.containsKey(c.id());
                if (c.outcome() == Outcome.FAILED && !listed) {
                    unexpected.add(c.id());
                }
                if (c.outcome() != Outcome.FAILED && listed) {
                    stale.add(c.id() + " (" + c.outcome().name().toLowerCase(java.util.Locale.ROOT) + ")");
                }
                details.append(c.id()).append(": ").append(c.outcome()).append(listed ? " (expected: " + expected.get(c.id()) + ")" : "")
                        .append('\n');
                if (c.outcome() != Outcome.PASSED) {
                    details.append(c.details().indent(4));
                }
            }
            passed += p;
            failed += f;
            unsupported += u;
            lines.add("rules conformance " + file.getKey() + ": " + p + " passed, " + f + " failed" + (u > 0 ? ", " + u + " unsupported" : ""));
        }
        List<String> unknown = expected.keySet().stream()
                .filter(id -> byFile.values().stream().flatMap(List::stream).noneMatch(c -> c.id().equals(id))).toList();

        String summary = "rules conformance: " + passed + " passed, " + failed + " failed, " + unsupported + " unsupported";
        System.out.println(summary);
        lines.forEach(System.out::println);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, summary + "\n" + String.join("\n", lines) + "\n\n" + details);

        List<String> verdict = new ArrayList<>();
        if (!unexpected.isEmpty()) {
            verdict.add("cases that fail but are not listed in " + EXPECTED + ": " + unexpected);
        }
        if (!stale.isEmpty()) {
            verdict.add("listed cases that no longer fail (remove their lines): " + stale);
        }
        if (!unknown.isEmpty()) {
            verdict.add("listed cases that do not exist: " + unknown);
        }
        if (!verdict.isEmpty()) {
            fail(summary + "\n" + String.join("\n", verdict) + "\n\ndetails in " + REPORT.toAbsolutePath() + ":\n" + details);
        }
    }

    private static String resource() throws IOException {
        try (InputStream in = RulesConformanceTest.class.getResourceAsStream(EXPECTED)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A file with {@code groups} at the top is a rule file; anything else is a unit-test file. */
    private static boolean isRuleFile(Path file) throws IOException {
        try {
            Optional<YamlNode> root = YamlReader.read(Files.readString(file));
            return root.isPresent() && root.get() instanceof YamlNode.Mapping m && m.get("groups").isPresent();
        } catch (YamlSyntaxException e) {
            return false;
        }
    }

    private static Case check(Path file) {
        TestingMetricStore store = new TestingMetricStore();
        RuleFileLoad load = new RuleFiles(new PromqlEngine(store, EngineSettings.defaults())).load(file);
        String details = String.join("\n", load.problems().stream().map(Object::toString).toList());
        return new Case("check:" + file.getFileName(), load.ok() ? Outcome.PASSED : Outcome.FAILED, details);
    }

    private static List<Case> unitTest(Path file) {
        UnitTestResult result;
        try {
            // the sandboxes the metrics plugin gives `vigil rules test`: the platform's own store
            RuleUnitTester tester = new RuleUnitTester(RuleTestBackend.Factory.of(TsdbSandboxes.in(SANDBOXES, EngineSettings.defaults())));
            result = tester.run(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.getFileName().toString();
        if (!result.errors().isEmpty() || result.groups().isEmpty()) {
            return List.of(new Case(name, result.passed() ? Outcome.PASSED : Outcome.FAILED, result.render()));
        }
        List<Case> cases = new ArrayList<>();
        for (TestGroupResult group : result.groups()) {
            List<String> details = new ArrayList<>(group.errors());
            group.unsupported().forEach(u -> details.add("not checked: " + u));
            cases.add(new Case(name + "#" + group.index(), group.outcome(), String.join("\n", details)));
        }
        return cases;
    }
}
