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
 * Every expression that Prometheus's own engine tests evaluate must parse here, unless the test expects the
 * query to fail or its data are native histograms (not yet supported by the storage).
 */
class ConformanceExpressionsTest {

    private static final Path SCRIPTS = Path.of("../../shared/conformance/promql");
    private static final Pattern EVAL = Pattern.compile(
            "^\\s*eval(_fail|_warn|_info|_ordered)?\\s+(?:instant\\s+at\\s+\\S+|range\\s+from\\s+\\S+\\s+to\\s+\\S+\\s+step\\s+\\S+)\\s+(.+)$");

    /** One {@code eval} command of a script. */
    record EvalCase(String file, int line, String query, boolean expectFail, String failMessage, boolean nativeHistograms) {}

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
                    problems.add(c.file() + ":" + c.line() + ": " + c.query() + " -> " + e.getMessage());
                }
            }
        }
        System.out.printf("conformance expressions: %d eval lines, %d parsed, %d failed as expected, %d native-histogram%n",
                cases.size(), parsed, failedAsExpected, nativeHistogram);
        assertThat(problems).isEmpty();
        assertThat(cases).hasSizeGreaterThan(1000);
    }

    static List<EvalCase> cases() throws IOException {
        List<EvalCase> cases = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(SCRIPTS)) {
            files = list.filter(p -> p.toString().endsWith(".test")).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            boolean histogramData = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String trimmed = line.strip();
                if (trimmed.equals("clear")) {
                    histogramData = false;
                } else if (trimmed.startsWith("load")) {
                    histogramData |= trimmed.startsWith("load_with_nhcb");
                    for (int j = i + 1; j < lines.size() && !lines.get(j).isBlank() && Character.isWhitespace(lines.get(j).charAt(0)); j++) {
                        histogramData |= lines.get(j).contains("{{");
                    }
                }
                Matcher m = EVAL.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                boolean fail = "_fail".equals(m.group(1));
                String message = "";
                for (int j = i + 1; j < lines.size() && !lines.get(j).isBlank() && Character.isWhitespace(lines.get(j).charAt(0)); j++) {
                    String expect = lines.get(j).strip();
                    if (expect.startsWith("expect fail")) {
                        fail = true;
                        int colon = expect.indexOf("msg:");
                        if (colon >= 0) {
                            message = expect.substring(colon + 4).strip();
                        }
                    }
                }
                cases.add(new EvalCase(file.getFileName().toString(), i + 1, m.group(2).strip(), fail, message, histogramData));
            }
        }
        return cases;
    }
}
