package dev.vigil.alerting.rules.unittest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How one test group went.
 *
 * @param index its place in the file, from 1
 * @param name its name, or {@code ""}
 * @param errors every failure, worded as promtool words it
 * @param unsupported what could not be checked because Vigil does not support it (native histograms); a group
 *     with such parts never passes
 */
public record TestGroupResult(int index, String name, List<String> errors, List<String> unsupported) {

    /** Checks and copies. */
    public TestGroupResult {
        requireNonNull(name, "name is null");
        errors = List.copyOf(errors);
        unsupported = List.copyOf(unsupported);
    }

    /** How a test group ended. */
    public enum Outcome {
        /** Every check passed. */
        PASSED,
        /** A check failed, or the group could not run. */
        FAILED,
        /** Every check that could run passed, but some parts could not be checked. */
        UNSUPPORTED
    }

    /** Failed when there are errors, unsupported when only unsupported parts stop it passing, else passed. */
    public Outcome outcome() {
        if (!errors.isEmpty()) {
            return Outcome.FAILED;
        }
        return unsupported.isEmpty() ? Outcome.PASSED : Outcome.UNSUPPORTED;
    }

    /** The group as promtool names it: its name, or {@code unnamed#<index from 0>}. */
    public String displayName() {
        return name.isEmpty() ? "unnamed#" + (index - 1) : name;
    }
}
