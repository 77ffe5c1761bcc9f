package dev.vigil.alerting.rules.unittest;

import java.util.List;

/** A test file that cannot be read; each problem names the file, line and column. */
final class UnitTestFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    UnitTestFileException(List<String> problems) {
        super(String.join("\n", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
