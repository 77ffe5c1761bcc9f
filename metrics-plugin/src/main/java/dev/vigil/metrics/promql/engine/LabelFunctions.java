package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.Re2Pattern;
import dev.vigil.metrics.promql.PromqlException;
import dev.vigil.metrics.promql.ast.Call;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.StringLiteral;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code label_replace} and {@code label_join}, which change the labels of series and leave their values alone. */
final class LabelFunctions {

    private LabelFunctions() {}

    /** {@code label_replace(v, dst, replacement, src, regex)}. */
    static StepValue.Vector replace(Call call, StepValue.Vector input) {
        String dst = string(call, 1);
        String replacement = string(call, 2);
        String src = string(call, 3);
        String regex = string(call, 4);
        Pattern pattern;
        try {
            pattern = Re2Pattern.compile(regex);
        } catch (IllegalArgumentException e) {
            throw PromqlException.execution("invalid regular expression in label_replace(): " + regex);
        }
        if (!LabelNames.isValid(dst)) {
            throw PromqlException.execution("invalid destination label name in label_replace(): " + dst);
        }
        Map<String, String> results = new HashMap<>();
        List<StepSeries> out = new ArrayList<>(input.series().size());
        for (StepSeries s : input.series()) {
            String value = s.labels().getOrEmpty(src);
            String result = results.computeIfAbsent(value, v -> {
                Matcher m = pattern.matcher(v);
                return m.matches() ? GoRegex.expand(replacement, m) : null;
            });
            out.add(result == null ? s : s.withLabels(LabelSets.with(s.labels(), dst, result)));
        }
        return new StepValue.Vector(SeriesMerger.merge(out));
    }

    /** {@code label_join(v, dst, separator, src...)}. */
    static StepValue.Vector join(Call call, StepValue.Vector input) {
        String dst = string(call, 1);
        String separator = string(call, 2);
        List<String> sources = new ArrayList<>();
        for (int i = 3; i < call.args().size(); i++) {
            String src = string(call, i);
            if (!LabelNames.isValid(src)) {
                throw PromqlException.execution("invalid source label name in label_join(): " + src);
            }
            sources.add(src);
        }
        if (!LabelNames.isValid(dst)) {
            throw PromqlException.execution("invalid destination label name in label_join(): " + dst);
        }
        List<StepSeries> out = new ArrayList<>(input.series().size());
        for (StepSeries s : input.series()) {
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < sources.size(); i++) {
                if (i > 0) {
                    joined.append(separator);
                }
                joined.append(s.labels().getOrEmpty(sources.get(i)));
            }
            Labels labels = LabelSets.with(s.labels(), dst, joined.toString());
            out.add(s.withLabels(labels));
        }
        return new StepValue.Vector(SeriesMerger.merge(out));
    }

    private static String string(Call call, int index) {
        Expr arg = RangeEvaluator.unwrap(call.args().get(index));
        return ((StringLiteral) arg).value();
    }
}
