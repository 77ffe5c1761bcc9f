package dev.vigil.metrics.promql.conformance;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A parsed test script.
 *
 * @param file the file name, such as {@code functions.test}, which names its cases ({@code functions.test:12})
 * @param commands the commands in order
 */
record Script(String file, List<ScriptCommand> commands) {

    /** Checks and copies. */
    Script {
        requireNonNull(file, "file is null");
        commands = List.copyOf(commands);
    }

    /** The evals, which are the cases. */
    List<EvalCommand> evals() {
        return commands.stream().filter(EvalCommand.class::isInstance).map(EvalCommand.class::cast).toList();
    }

    /** The id of a case of this script: {@code <file>:<line>}. */
    String caseId(EvalCommand eval) {
        return file + ":" + eval.line();
    }
}
