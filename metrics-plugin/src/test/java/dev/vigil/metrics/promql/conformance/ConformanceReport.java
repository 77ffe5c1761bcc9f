package dev.vigil.metrics.promql.conformance;

import dev.vigil.metrics.promql.conformance.CaseOutcome.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcomes of a conformance run, file by file: the summary lines, the report file, and what makes the
 * run fail (cases that fail but are not listed as expected failures, listed cases that no longer fail, files
 * under the pass-rate threshold). Not thread-safe.
 */
final class ConformanceReport {

    private final Map<String, List<CaseOutcome>> byFile = new LinkedHashMap<>();

    /** Adds the outcomes of one file. */
    void add(String file, List<CaseOutcome> outcomes) {
        byFile.put(file, List.copyOf(outcomes));
    }

    /** One line per file and a total: {@code promql conformance <file>: N passed, M failed, K unsupported}. */
    List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        List<CaseOutcome> all = new ArrayList<>();
        byFile.forEach((file, outcomes) -> {
            lines.add("promql conformance " + file + ": " + counts(outcomes));
            all.addAll(outcomes);
        });
        lines.add("promql conformance: " + counts(all));
        return lines;
    }

    /** One line per file with the share of its supported cases that pass. */
    List<String> passRateLines() {
        List<String> lines = new ArrayList<>();
        byFile.forEach((file, outcomes) -> {
            long supported = count(outcomes, Status.PASSED) + count(outcomes, Status.FAILED);
            lines.add("promql conformance " + file + ": " + (supported == 0 ? "no supported cases"
                    : percent(passRate(outcomes)) + " of " + supported + " supported cases pass"));
        });
        return lines;
    }

    /** The failing cases that are not listed, each as {@code <id>  <reason>}. */
    List<String> unexpectedFailures(ExpectedFailures expected) {
        List<String> result = new ArrayList<>();
        forEachOutcome(o -> {
            if (o.status() == Status.FAILED && !expected.contains(o.id())) {
                result.add(o.id() + "  " + o.reason() + "  [" + o.expression() + "]");
            }
        });
        return result;
    }

    /** The listed cases of the files that ran that did not fail: passed, unsupported or not a case at all. */
    List<String> staleEntries(ExpectedFailures expected) {
        Map<String, CaseOutcome> byId = new LinkedHashMap<>();
        forEachOutcome(o -> byId.put(o.id(), o));
        List<String> result = new ArrayList<>();
        expected.entries().forEach((id, reason) -> {
            if (!byFile.containsKey(ExpectedFailures.fileOf(id))) {
                return;
            }
            CaseOutcome outcome = byId.get(id);
            if (outcome == null) {
                result.add(id + "  is not an eval line");
            } else if (outcome.status() != Status.FAILED) {
                result.add(id + "  " + outcome.status().name().toLowerCase(Locale.ROOT) + " (listed as: " + reason + ")");
            }
        });
        return result;
    }

    /** The files where less than {@code threshold} of the supported cases pass. */
    List<String> belowThreshold(double threshold) {
        List<String> result = new ArrayList<>();
        byFile.forEach((file, outcomes) -> {
            double rate = passRate(outcomes);
            if (rate < threshold) {
                result.add(file + ": " + percent(rate) + " of supported cases pass, below " + percent(threshold));
            }
        });
        return result;
    }

    /** Writes the summary and every failing case with its reason to {@code path}. */
    void write(Path path, ExpectedFailures expected, List<String> verdict) {
        List<String> lines = new ArrayList<>(summaryLines());
        lines.add("");
        lines.addAll(passRateLines());
        lines.add("");
        lines.add(verdict.isEmpty() ? "verdict: pass" : "verdict: fail");
        verdict.forEach(v -> lines.add("  " + v));
        lines.add("");
        lines.add("failing cases (" + (expected.entries().isEmpty() ? "none listed as expected" : "[expected] = listed in "
                + ExpectedFailures.RESOURCE) + "):");
        forEachOutcome(o -> {
            if (o.status() == Status.FAILED) {
                lines.add(o.id() + (expected.contains(o.id()) ? "  [expected]" : "") + "  " + o.reason() + "  [" + o.expression() + "]");
            }
        });
        lines.add("");
        lines.add("unsupported cases:");
        forEachOutcome(o -> {
            if (o.status() == Status.UNSUPPORTED) {
                lines.add(o.id() + "  " + o.reason());
            }
        });
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.write(path, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private void forEachOutcome(java.util.function.Consumer<CaseOutcome> action) {
        byFile.values().forEach(outcomes -> outcomes.forEach(action));
    }

    /** The share of supported cases that pass; 1 when there are none. */
    private static double passRate(List<CaseOutcome> outcomes) {
        long passed = count(outcomes, Status.PASSED);
        long supported = passed + count(outcomes, Status.FAILED);
        return supported == 0 ? 1 : (double) passed / supported;
    }

    private static String counts(List<CaseOutcome> outcomes) {
        return count(outcomes, Status.PASSED) + " passed, " + count(outcomes, Status.FAILED) + " failed, "
                + count(outcomes, Status.UNSUPPORTED) + " unsupported";
    }

    private static long count(List<CaseOutcome> outcomes, Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }
}
