package dev.vigil.alerting.rules.file;

import java.util.List;

/**
 * The result of checking rule files: one load per file, in the order given.
 *
 * @param files what each file gave
 */
public record CheckReport(List<RuleFileLoad> files) {

    /** Copies the list. */
    public CheckReport {
        files = List.copyOf(files);
    }

    /** Whether every file passed. */
    public boolean ok() {
        return files.stream().allMatch(RuleFileLoad::ok);
    }

    /** Every problem of every file, in order. */
    public List<RuleFileProblem> problems() {
        return files.stream().flatMap(f -> f.problems().stream()).toList();
    }

    /**
     * The report as {@code promtool check rules} prints it: for each file {@code Checking <file>}, then
     * {@code SUCCESS: N rules found} or {@code FAILED:} and one problem a line, and any warnings.
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (RuleFileLoad load : files) {
            out.append("Checking ").append(load.path()).append('\n');
            if (load.ok()) {
                out.append("  SUCCESS: ").append(load.ruleFile().orElseThrow().ruleCount()).append(" rules found\n");
            } else {
                out.append("  FAILED:\n");
                load.problems().forEach(p -> out.append(p).append('\n'));
            }
            load.warnings().forEach(w -> out.append("  WARNING: ").append(w).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }
}
