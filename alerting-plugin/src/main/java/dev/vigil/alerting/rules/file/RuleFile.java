package dev.vigil.alerting.rules.file;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * A rule file that passed every check.
 *
 * @param path where it was read from
 * @param groups its groups in file order
 */
public record RuleFile(Path path, List<GroupDefinition> groups) {

    /** Checks and copies. */
    public RuleFile {
        requireNonNull(path, "path is null");
        groups = List.copyOf(groups);
    }

    /** How many rules the file has. */
    public int ruleCount() {
        return groups.stream().mapToInt(g -> g.rules().size()).sum();
    }
}
