package dev.vigil.metrics.promql.conformance;

import dev.vigil.api.metrics.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a PromQL test script (see {@code FORMAT.md} beside the scripts) into commands. Lines are trimmed; a
 * line starting with {@code #} counts as blank; a blank line ends a block. Series descriptions are read by
 * {@link SeriesDescriptionParser}; expressions are kept as text. Stateless.
 */
final class ScriptParser {

    private static final Pattern LOAD = Pattern.compile("load(?:_(\\w+))?\\s+(\\S+)");
    private static final Pattern EVAL = Pattern.compile("eval(?:_(fail|warn|ordered|info))?\\s+(instant|range)\\s+(.*)");
    private static final Pattern INSTANT = Pattern.compile("at\\s+(\\S+)\\s+(.+)");
    private static final Pattern RANGE = Pattern.compile("from\\s+(\\S+)\\s+to\\s+(\\S+)\\s+step\\s+(\\S+)\\s+(.+)");
    private static final Pattern EXPECT =
            Pattern.compile("expect\\s+(ordered|fail|warn|no_warn|info|no_info)(?:\\s+(regex|msg):(.+))?");
    private static final Pattern EXPECT_RANGE_VECTOR = Pattern.compile("expect range vector\\s+from\\s+(\\S+)\\s+to\\s+(\\S+)\\s+step\\s+(\\S+)");
    private static final String EXPECT_STRING = "expect string";
    private static final String FAIL_MESSAGE = "expected_fail_message";
    private static final String FAIL_REGEXP = "expected_fail_regexp";

    private final String file;
    private final List<String> lines;
    private int index;

    private ScriptParser(String file, String text) {
        this.file = file;
        this.lines = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            lines.add(line.startsWith("#") ? "" : line);
        }
    }

    /**
     * Parses the script {@code text} of the file {@code file}.
     *
     * @throws ScriptFormatException naming the file and line if it does not follow the format
     */
    static Script parse(String file, String text) {
        return new Script(file, new ScriptParser(file, text).commands());
    }

    private List<ScriptCommand> commands() {
        List<ScriptCommand> commands = new ArrayList<>();
        for (index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            if (line.isEmpty()) {
                continue;
            }
            String word = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (word.equals("clear")) {
                commands.add(new ClearCommand(index + 1));
            } else if (word.startsWith("load")) {
                commands.add(load(line));
            } else if (word.startsWith("eval")) {
                commands.add(eval(line));
            } else {
                throw error(index, "unknown command \"" + line + "\"");
            }
        }
        return commands;
    }

    private LoadCommand load(String header) {
        int headerIndex = index;
        Matcher m = LOAD.matcher(header);
        if (!m.matches()) {
            throw error(index, "expected load[_with_nhcb] <interval>");
        }
        if (m.group(1) != null && !m.group(1).equals("with_nhcb")) {
            throw error(index, "unknown load variant load_" + m.group(1));
        }
        long interval = duration(m.group(2));
        List<SeriesLine> series = new ArrayList<>();
        while (index + 1 < lines.size() && !lines.get(index + 1).isEmpty()) {
            index++;
            series.add(seriesLine(lines.get(index)));
        }
        return new LoadCommand(headerIndex + 1, interval, m.group(1) != null, series);
    }

    private EvalCommand eval(String header) {
        int headerIndex = index;
        Matcher m = EVAL.matcher(header);
        if (!m.matches()) {
            throw error(index, "expected eval[_fail|_warn|_info|_ordered] instant at <time> <expr> "
                    + "or eval[_fail|_warn|_info] range from <start> to <end> step <step> <expr>");
        }
        String variant = m.group(1);
        boolean range = m.group(2).equals("range");
        EvalBuilder eval = new EvalBuilder(range);
        if (range) {
            Matcher r = RANGE.matcher(m.group(3));
            if (!r.matches() || "ordered".equals(variant)) {
                throw error(index, "expected eval[_fail|_warn|_info] range from <start> to <end> step <step> <expr>");
            }
            long start = duration(r.group(1));
            long end = duration(r.group(2));
            if (end < start) {
                throw error(index, "the range ends before it starts");
            }
            eval.timing = new EvalCommand.Timing(true, start, end, duration(r.group(3)));
            eval.expression = r.group(4);
        } else {
            Matcher i = INSTANT.matcher(m.group(3));
            if (!i.matches()) {
                throw error(index, "expected eval instant at <time> <expr>");
            }
            eval.timing = EvalCommand.Timing.instant(duration(i.group(1)));
            eval.expression = i.group(2);
        }
        if (variant != null) {
            switch (variant) {
                case "fail" -> eval.failure = Expectation.ANY;
                case "warn" -> eval.warnings.add(Expectation.ANY);
                case "info" -> eval.infos.add(Expectation.ANY);
                default -> eval.ordered = true;
            }
        }
        body(eval);
        return eval.build(headerIndex + 1);
    }

    /** Reads the lines after an eval line up to a blank line (or up to a line that ends the block early). */
    private void body(EvalBuilder eval) {
        while (index + 1 < lines.size() && !lines.get(index + 1).isEmpty()) {
            index++;
            String line = lines.get(index);
            if (eval.failure != null && line.startsWith(FAIL_MESSAGE)) {
                eval.failure = Expectation.message(line.substring(FAIL_MESSAGE.length()).strip());
                return;
            }
            if (eval.failure != null && line.startsWith(FAIL_REGEXP)) {
                eval.failure = regex(line.substring(FAIL_REGEXP.length()).strip());
                return;
            }
            if (line.startsWith("expect range vector")) {
                rangeVector(eval, line);
            } else if (line.startsWith(EXPECT_STRING)) {
                eval.string = stringLiteral(line.substring(EXPECT_STRING.length()).strip());
            } else if (line.split("\\s+", 2)[0].equals("expect")) {
                expect(eval, line);
            } else if (Numbers.isNumber(line)) {
                // a scalar ends the block, as in the original tooling
                eval.scalar = OptionalDouble.of(Numbers.parse(line));
                return;
            } else {
                SeriesLine series = seriesLine(line);
                if (series.values().size() > 1 && !eval.timing.range() && !eval.rangeVector) {
                    throw error(index, "an instant eval expects one value per series unless it expects a range vector");
                }
                eval.hasHistogram |= series.hasHistogram();
                eval.series.remove(series.labels());
                eval.series.put(series.labels(), new ExpectedSeries(series.labels(), series.values(), eval.series.size() + 1));
            }
        }
    }

    private void rangeVector(EvalBuilder eval, String line) {
        Matcher m = EXPECT_RANGE_VECTOR.matcher(line);
        if (!m.matches() || eval.timing.range()) {
            throw error(index, "expected \"expect range vector from <start> to <end> step <step>\" in an instant eval");
        }
        long start = duration(m.group(1));
        long end = duration(m.group(2));
        if (end < start) {
            throw error(index, "the range ends before it starts");
        }
        eval.timing = new EvalCommand.Timing(false, start, end, duration(m.group(3)));
        eval.rangeVector = true;
    }

    private void expect(EvalBuilder eval, String line) {
        Matcher m = EXPECT.matcher(line);
        if (!m.matches()) {
            throw error(index, "expected expect <ordered|fail|warn|no_warn|info|no_info> [msg|regex: <text>]");
        }
        Expectation expectation = Expectation.ANY;
        if (m.group(2) != null) {
            String text = m.group(3).strip();
            expectation = m.group(2).equals("msg") ? Expectation.message(text) : regex(text);
        }
        switch (m.group(1)) {
            case "ordered" -> eval.ordered = true;
            case "fail" -> {
                if (eval.failure != null) {
                    throw error(index, "only one expect fail is allowed");
                }
                eval.failure = expectation;
            }
            case "warn" -> eval.warnings.add(expectation);
            case "no_warn" -> eval.noWarn = true;
            case "info" -> eval.infos.add(expectation);
            default -> eval.noInfo = true;
        }
        if ((eval.noWarn && !eval.warnings.isEmpty()) || (eval.noInfo && !eval.infos.isEmpty())) {
            throw error(index, "warn and no_warn (or info and no_info) cannot be used together");
        }
    }

    private Expectation regex(String text) {
        try {
            return Expectation.regex(text);
        } catch (PatternSyntaxException e) {
            throw error(index, "invalid regular expression " + text + ": " + e.getDescription());
        }
    }

    /** A string literal in double quotes (with escapes) or backquotes (without). */
    private String stringLiteral(String text) {
        if (text.length() >= 2 && text.charAt(0) == '`' && text.charAt(text.length() - 1) == '`'
                && text.indexOf('`', 1) == text.length() - 1) {
            return text.substring(1, text.length() - 1);
        }
        if (text.length() >= 2 && text.charAt(0) == '"' && text.charAt(text.length() - 1) == '"') {
            // the series description reader knows the escapes: read the literal as the value of a label
            try {
                Labels labels = SeriesDescriptionParser.parse("{s=" + text + "}").labels();
                return labels.getOrEmpty("s");
            } catch (IllegalArgumentException e) {
                throw error(index, "invalid string literal " + text + ": " + e.getMessage());
            }
        }
        throw error(index, "expect string needs a quoted string literal, got \"" + text + "\"");
    }

    private SeriesLine seriesLine(String line) {
        try {
            return SeriesDescriptionParser.parse(line);
        } catch (IllegalArgumentException e) {
            throw error(index, e.getMessage());
        }
    }

    private long duration(String text) {
        try {
            return Durations.parseMillis(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw error(index, e.getMessage());
        }
    }

    private ScriptFormatException error(int lineIndex, @Nullable String reason) {
        return new ScriptFormatException(file, lineIndex + 1, String.valueOf(reason));
    }

    /** The parts of an eval as its lines are read. */
    private static final class EvalBuilder {
        EvalCommand.Timing timing;
        String expression = "";
        @Nullable Expectation failure;
        boolean ordered;
        boolean rangeVector;
        @Nullable String string;
        OptionalDouble scalar = OptionalDouble.empty();
        final Map<Labels, ExpectedSeries> series = new LinkedHashMap<>();
        boolean hasHistogram;
        final List<Expectation> warnings = new ArrayList<>();
        boolean noWarn;
        final List<Expectation> infos = new ArrayList<>();
        boolean noInfo;

        EvalBuilder(boolean range) {
            timing = range ? new EvalCommand.Timing(true, 0, 0, 0) : EvalCommand.Timing.instant(0);
        }

        EvalCommand build(int line) {
            ExpectedResult expected = new ExpectedResult(failure, ordered, rangeVector, string, scalar,
                    List.copyOf(series.values()), hasHistogram);
            return new EvalCommand(line, expression, timing, expected,
                    new ExpectedAnnotations(warnings, noWarn, infos, noInfo));
        }
    }
}
