package dev.vigil.benchmarks.logs;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.logs.LineFilter;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One search of the search benchmark: the store's filter and the {@code grep -c} that counts the same lines in the
 * JSON file. Immutable.
 *
 * @param name what is searched, for the table
 * @param filter the store's filter, over the whole time range of the data
 * @param grepSyntax {@code -F} (fixed text) or {@code -E} (extended regular expression)
 * @param grepPattern what grep looks for
 */
record SearchCase(String name, LogFilter filter, String grepSyntax, String grepPattern) {

    /** The regular expression searched, the same text for the store (RE2) and for {@code grep -E}. */
    static final String REGEX = "status 5[0-9][0-9]";

    SearchCase {
        requireNonNull(name, "name is null");
        requireNonNull(filter, "filter is null");
        requireNonNull(grepSyntax, "grepSyntax is null");
        requireNonNull(grepPattern, "grepPattern is null");
        if (!grepSyntax.equals("-F") && !grepSyntax.equals("-E")) {
            throw new IllegalArgumentException("grepSyntax must be -F or -E, got " + grepSyntax);
        }
    }

    /**
     * The searches: a rare word, a trace id, a common word, the errors of one service, and a regular expression.
     *
     * @param all a filter that takes every record of the data
     * @param traceId the trace id searched
     */
    static List<SearchCase> all(LogFilter all, String traceId) {
        return List.of(
                new SearchCase("rare word \"" + LogCorpus.RARE + "\"", all.withLines(LineFilter.contains(LogCorpus.RARE)),
                        "-F", LogCorpus.RARE),
                new SearchCase("trace id", all.withTraceId(traceId), "-F", traceId),
                new SearchCase("common word \"" + LogCorpus.COMMON + "\"", all.withLines(LineFilter.contains(LogCorpus.COMMON)),
                        "-F", LogCorpus.COMMON),
                new SearchCase("ERROR of service " + LogCorpus.SERVICE,
                        all.withService(LogCorpus.SERVICE).withSeverities(Set.of(Severity.ERROR)),
                        "-F", "\"level\":\"ERROR\",\"service.name\":\"" + LogCorpus.SERVICE + "\""),
                new SearchCase("regex \"" + REGEX + "\"", all.withLines(LineFilter.regex(REGEX)), "-E", REGEX));
    }

    /** The grep command line counting the matching lines of {@code file}. */
    List<String> grepCommand(Path file) {
        return List.of("grep", "-c", grepSyntax, "-e", grepPattern, file.toString());
    }

    /** The grep command as a shell would take it, the file left out. */
    String grepShown() {
        return "grep -c " + grepSyntax + " '" + grepPattern + "'";
    }
}
