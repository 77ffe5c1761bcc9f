package dev.vigil.alerting.rules;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.rules.file.RuleFileProblem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The state of one rule file in the manager.
 *
 * @param path the file
 * @param loadedAt when the version that runs was loaded; empty if no version ever loaded
 * @param groups how many groups of it run
 * @param problems why the file's current content was refused; empty when it runs as it is on disk
 * @param warnings what the running version should fix, such as duplicate rules
 */
public record RuleFileStatus(Path path, Optional<Instant> loadedAt, int groups, List<RuleFileProblem> problems,
        List<String> warnings) {

    /** Checks and copies. */
    public RuleFileStatus {
        requireNonNull(path, "path is null");
        requireNonNull(loadedAt, "loadedAt is null");
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }
}
