package dev.vigil.alerting.rules;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.rules.file.RuleFileProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one check of the rule files changed.
 *
 * @param files one entry per file that was looked at or dropped
 */
public record ReloadResult(List<FileChange> files) {

    /** Copies the list. */
    public ReloadResult {
        files = List.copyOf(files);
    }

    /** Whether no file was refused. */
    public boolean ok() {
        return files.stream().noneMatch(f -> f.change() == Change.REFUSED);
    }

    /** The change of {@code path}, if it was looked at. */
    public Optional<FileChange> file(Path path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** What happened to one file. */
    public enum Change {
        /** Its content is what already runs. */
        UNCHANGED,
        /** Its new content was loaded and runs now. */
        LOADED,
        /** Its new content has problems; what ran before keeps running. */
        REFUSED,
        /** It is no longer among the rule files; its groups stopped. */
        REMOVED
    }

    /**
     * What happened to one file.
     *
     * @param path the file
     * @param change what happened
     * @param problems why it was refused
     */
    public record FileChange(Path path, Change change, List<RuleFileProblem> problems) {
        /** Checks and copies. */
        public FileChange {
            requireNonNull(path, "path is null");
            requireNonNull(change, "change is null");
            problems = List.copyOf(problems);
        }
    }
}
