package dev.vigil.alerting.notify.inhibit;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.config.ConfigProblems;
import dev.vigil.alerting.notify.config.InhibitRuleConfig;
import dev.vigil.alerting.notify.match.Matchers;
import dev.vigil.alerting.notify.route.RouteCompiler;
import dev.vigil.api.metrics.Labels;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A compiled inhibition rule.
 *
 * @param source what an inhibiting alert matches
 * @param target what an inhibited alert matches
 * @param equal the labels whose values source and target share
 */
public record InhibitRule(Matchers source, Matchers target, List<String> equal) {

    /** Checks and copies. */
    public InhibitRule {
        requireNonNull(source, "source is null");
        requireNonNull(target, "target is null");
        equal = List.copyOf(equal);
    }

    /**
     * Compiles {@code config}, reporting each problem under {@code path}.
     *
     * @return the rule, or null when a problem was reported
     */
    public static @Nullable InhibitRule compile(InhibitRuleConfig config, String path, ConfigProblems problems) {
        int before = problems.list().size();
        Matchers source = RouteCompiler.parseMatchers(config.sourceMatchers(), config.sourceMatch(),
                config.sourceMatchRe(), path, "source_matchers", "source_match_re", problems);
        Matchers target = RouteCompiler.parseMatchers(config.targetMatchers(), config.targetMatch(),
                config.targetMatchRe(), path, "target_matchers", "target_match_re", problems);
        for (int i = 0; i < config.equal().size(); i++) {
            if (config.equal().get(i).isEmpty()) {
                problems.add(path + ".equal[" + i + "]", "empty label name");
            }
        }
        return problems.list().size() > before ? null : new InhibitRule(source, target, config.equal());
    }

    /** The values of the {@code equal} labels in {@code labels}, {@code ""} for an absent one. */
    List<String> equalValues(Labels labels) {
        String[] values = new String[equal.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = labels.getOrEmpty(equal.get(i));
        }
        return List.of(values);
    }
}
