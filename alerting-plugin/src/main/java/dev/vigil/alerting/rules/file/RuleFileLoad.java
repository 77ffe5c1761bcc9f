package dev.vigil.alerting.rules.file;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What reading one rule file gave: its checked rules, or the problems that make it unusable.
 *
 * @param path the file
 * @param ruleFile the rules, present exactly when there are no problems
 * @param problems every problem found; a file with problems is refused as a whole
 * @param warnings things worth fixing that do not stop the file from loading, such as duplicate rules
 */
public record RuleFileLoad(Path path, Optional<RuleFile> ruleFile, List<RuleFileProblem> problems, List<String> warnings) {

    /** Checks and copies. */
    public RuleFileLoad {
        requireNonNull(path, "path is null");
        requireNonNull(ruleFile, "ruleFile is null");
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        if (ruleFile.isPresent() != problems.isEmpty()) {
            throw new IllegalArgumentException("a load has rules exactly when it has no problems");
        }
    }

    static RuleFileLoad loaded(RuleFile file, List<String> warnings) {
        return new RuleFileLoad(file.path(), Optional.of(file), List.of(), warnings);
    }

    static RuleFileLoad failed(Path path, List<RuleFileProblem> problems) {
        return new RuleFileLoad(path, Optional.empty(), problems, List.of());
    }

    /** Whether the file loaded. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
