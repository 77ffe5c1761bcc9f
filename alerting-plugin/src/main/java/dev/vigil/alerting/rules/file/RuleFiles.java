package dev.vigil.alerting.rules.file;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.MetricQuery;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and checks Prometheus rule files. Expressions are checked by the PromQL engine through
 * {@link ExpressionValidator}, templates by {@link dev.vigil.alerting.template.AlertTemplate}. This is what
 * {@code vigil rules check} runs and what the rule manager loads files with. Thread-safe.
 */
public final class RuleFiles {

    private final ExpressionValidator expressions;
    private final NameValidation names;

    /** Rule files checked by {@code expressions}, with names checked by {@code names}. */
    public RuleFiles(ExpressionValidator expressions, NameValidation names) {
        this.expressions = requireNonNull(expressions, "expressions is null");
        this.names = requireNonNull(names, "names is null");
    }

    /** Rule files whose expressions {@code query} checks, with Prometheus 3's UTF-8 names. */
    public RuleFiles(MetricQuery query) {
        this(ExpressionValidator.using(query), NameValidation.UTF8);
    }

    /** Reads and checks the file at {@code path}; a file that cannot be read is one problem. */
    public RuleFileLoad load(Path path) {
        requireNonNull(path, "path is null");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (NoSuchFileException e) {
            return RuleFileLoad.failed(path, List.of(new RuleFileProblem(path, Location.START, "no such file")));
        } catch (CharacterCodingException e) {
            return RuleFileLoad.failed(path, List.of(new RuleFileProblem(path, Location.START, "the file is not valid UTF-8")));
        } catch (IOException e) {
            return RuleFileLoad.failed(path, List.of(new RuleFileProblem(path, Location.START, "cannot read the file: " + e)));
        }
        return parse(path, text);
    }

    /** Checks {@code text} as the content of the rule file {@code path}. */
    public RuleFileLoad parse(Path path, String text) {
        requireNonNull(path, "path is null");
        requireNonNull(text, "text is null");
        return RuleFileParser.parse(path, text, expressions, names);
    }

    /** Checks every file, as {@code promtool check rules} does; the report lists every problem of every file. */
    public CheckReport check(List<Path> paths) {
        List<RuleFileLoad> loads = new ArrayList<>();
        for (Path path : paths) {
            loads.add(load(path));
        }
        return new CheckReport(loads);
    }
}
