package dev.vigil.alerting.rules.unittest;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.rules.RulePaths;
import dev.vigil.alerting.rules.file.NameValidation;
import dev.vigil.alerting.rules.unittest.UnitTestFile.TestGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Runs {@code promtool test rules} files: {@code vigil rules test FILE…}. Each test group runs against a fresh
 * store and engine from the caller's {@link RuleTestBackend.Factory}, so the same runner works over Vigil's own
 * storage and over an in-memory store in tests. Thread-safe if the factory is.
 */
public final class RuleUnitTester {

    private final RuleTestBackend.Factory backends;
    private final NameValidation names;

    /** A runner over the backends {@code backends} creates, with Prometheus 3's UTF-8 names. */
    public RuleUnitTester(RuleTestBackend.Factory backends) {
        this(backends, NameValidation.UTF8);
    }

    /** A runner over the backends {@code backends} creates, checking rule files' names with {@code names}. */
    public RuleUnitTester(RuleTestBackend.Factory backends, NameValidation names) {
        this.backends = requireNonNull(backends, "backends is null");
        this.names = requireNonNull(names, "names is null");
    }

    /** Runs every file, in order. */
    public List<UnitTestResult> run(List<Path> files) {
        return files.stream().map(this::run).toList();
    }

    /** Runs the test file at {@code path}. */
    public UnitTestResult run(Path path) {
        return run(path, name -> true);
    }

    /**
     * Runs the test groups of the file at {@code path} whose name {@code selected} accepts (an unnamed group's name
     * is {@code ""}); the others are left out of the result.
     */
    public UnitTestResult run(Path path, Predicate<String> selected) {
        requireNonNull(path, "path is null");
        requireNonNull(selected, "selected is null");
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return new UnitTestResult(path, List.of(), List.of(path + ": cannot read the file: " + e.getMessage()), List.of());
        }
        UnitTestFile file;
        try {
            file = UnitTestFileParser.parse(path, text);
        } catch (UnitTestFileException e) {
            return new UnitTestResult(path, List.of(), e.problems(), List.of());
        }
        List<String> warnings = new ArrayList<>();
        List<Path> ruleFiles = ruleFiles(file, warnings);
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < file.groupEvalOrder().size(); i++) {
            String name = file.groupEvalOrder().get(i);
            if (order.putIfAbsent(name, i) != null) {
                return new UnitTestResult(path, warnings, List.of("group name repeated in evaluation order: " + name), List.of());
            }
        }
        List<TestGroupResult> groups = new ArrayList<>();
        for (TestGroup group : file.tests()) {
            if (!selected.test(group.name())) {
                continue;
            }
            groups.add(new TestGroupRunner(file, group, ruleFiles, order, names).run(backends));
        }
        return new UnitTestResult(path, warnings, List.of(), groups);
    }

    /** The rule files, relative to the test file's folder; a pattern that matches no file is a warning, as in promtool. */
    private static List<Path> ruleFiles(UnitTestFile file, List<String> warnings) {
        Path dir = file.path().toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        for (String pattern : file.ruleFiles()) {
            if (pattern.isEmpty()) {
                continue;
            }
            List<Path> found = RulePaths.expand(dir, List.of(pattern)).stream().filter(Files::isRegularFile).toList();
            if (found.isEmpty()) {
                warnings.add("no file match pattern " + dir.resolve(pattern).normalize());
            }
            out.addAll(found);
        }
        return out;
    }
}
