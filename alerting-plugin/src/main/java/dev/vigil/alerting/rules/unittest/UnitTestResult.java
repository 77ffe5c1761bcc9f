package dev.vigil.alerting.rules.unittest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * How one test file went.
 *
 * @param file the test file
 * @param warnings things that did not fail the file, such as a rule file pattern that matched nothing
 * @param errors failures of the file itself, such as a file that is not valid YAML
 * @param groups how each test group went, in file order
 */
public record UnitTestResult(Path file, List<String> warnings, List<String> errors, List<TestGroupResult> groups) {

    /** Checks and copies. */
    public UnitTestResult {
        requireNonNull(file, "file is null");
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
        groups = List.copyOf(groups);
    }

    /** Whether the file passed: no error of its own and every group passed. */
    public boolean passed() {
        return errors.isEmpty() && groups.stream().allMatch(g -> g.outcome() == TestGroupResult.Outcome.PASSED);
    }

    /**
     * The result as {@code promtool test rules} prints it: {@code Unit Testing: <file>}, then {@code SUCCESS} or
     * {@code FAILED:} and each failure followed by an empty line. Parts that could not be checked are listed as
     * {@code not checked: …}.
     */
    public String render() {
        StringBuilder out = new StringBuilder("Unit Testing:  ").append(file).append('\n');
        warnings.forEach(w -> out.append("  WARNING: ").append(w).append('\n'));
        if (passed()) {
            return out.append("  SUCCESS\n").toString();
        }
        out.append("  FAILED:\n");
        errors.forEach(e -> out.append(e).append("\n\n"));
        for (TestGroupResult group : groups) {
            group.errors().forEach(e -> out.append(e).append("\n\n"));
            group.unsupported().forEach(u -> out.append("    not checked: ").append(u).append("\n\n"));
        }
        return out.toString();
    }
}
