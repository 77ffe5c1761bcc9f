package dev.vigil.metrics.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every expression that Prometheus's own engine tests evaluate must parse, unless the test expects the query
 * to fail (then a parse error must carry the expected message, if one is given) or its data are native
 * histograms, which are counted apart.
 */
class ConformanceExpressionsTest {

    private static final Path SCRIPTS = Path.of("../../shared/conformance/promql");
    private static final Pattern EVAL = Pattern.compile("^eval(_fail|_warn|_info|_ordered)?\\s+"
            + "(?:instant\\s+at\\s+\\S+|range\\s+from\\s+\\S+\\s+to\\s+\\S+\\s+step\\s+\\S+)\\s+(.+)$");

    /** One {@code eval} command of a script. */
    record EvalCase(String where, String query, boolean expectFail, String failMessage, boolean nativeHistograms) {}

    @Test
    void everyEvaluatedExpressionParses() throws IOException {
        List<EvalCase> cases = cases();
        int parsed = 0;
        int failedAsExpected = 0;
        int nativeHistogram = 0;
        List<String> problems = new ArrayList<>();
        for (EvalCase c : cases) {
            try {
                PromqlParser.parse(c.query());
                parsed++;
            } catch (PromqlParseException e) {
                if (c.expectFail() && (c.failMessage().isEmpty() || e.getMessage().contains(c.failMessage()))) {
                    failedAsExpected++;
                } else if (c.nativeHistograms()) {
                    nativeHistogram++;
                } else {
                    problems.add(c.where() + ": " + c.query() + " -> " + e.getMessage());
                }
            }
        }
        System.out.printf("PromQL conformance expressions: %d eval commands, %d parsed, %d failed as expected,"
                + " %d native-histogram cases not parsed%n", cases.size(), parsed, failedAsExpected, nativeHistogram);
        assertThat(problems).isEmpty();
        assertThat(cases).hasSizeGreaterThan(1000);
    }

    private static List<EvalCase> cases() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(SCRIPTS)) {
            files = list.filter(p -> p.toString().endsWith(".test")).sorted().toList();
        }
        List<EvalCase> cases = new ArrayList<>();
        for (Path file : files) {
            readScript(file, cases);
        }
        return cases;
    }

    private static void readScript(Path file, List<EvalCase> cases) throws IOException {
        List<String> lines = Files.readAllLines(file);
        boolean nativeHistograms = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals("clear")) {
                nativeHistograms = false;
            } else if (line.startsWith("load")) {
                nativeHistograms |= line.startsWith("load_with_nhcb")
                        || block(lines, i).stream().anyMatch(l -> l.contains("{{"));
            }
            Matcher eval = EVAL.matcher(line);
            if (!eval.matches()) {
                continue;
            }
            boolean fail = "_fail".equals(eval.group(1));
            String message = "";
            for (String expect : block(lines, i)) {
                if (expect.startsWith("expect fail")) {
                    fail = true;
                    int msg = expect.indexOf("msg:");
                    message = msg < 0 ? "" : expect.substring(msg + 4).strip();
                }
            }
            cases.add(new EvalCase(file.getFileName() + ":" + (i + 1), eval.group(2).strip(), fail, message,
                    nativeHistograms));
        }
    }

    /** The indented lines that follow a command. */
    private static List<String> block(List<String> lines, int command) {
        List<String> block = new ArrayList<>();
        for (int j = command + 1; j < lines.size(); j++) {
            String line = lines.get(j);
            if (line.isBlank() || !Character.isWhitespace(line.charAt(0))) {
                break;
            }
            block.add(line.strip());
        }
        return block;
    }
}
