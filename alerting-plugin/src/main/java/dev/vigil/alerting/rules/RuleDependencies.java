package dev.vigil.alerting.rules;

import dev.vigil.alerting.rules.file.AlertingRuleDefinition;
import dev.vigil.alerting.rules.file.RuleDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which rules of a group read what an earlier rule of the same group writes. Prometheus commits each
 * rule's results before the next rule runs, so a rule sees the results of the rules before it at the same
 * evaluation time; Vigil writes a group's results in one batch and commits early only before such a rule.
 *
 * <p>Without a parse tree this looks at the text: a rule depends on earlier ones when its expression names, as a
 * whole word, a metric an earlier rule writes ({@code ALERTS} and {@code ALERTS_FOR_STATE} for alerting rules),
 * or names {@code __name__} at all (a regular expression could match anything). This errs towards committing.
 */
final class RuleDependencies {

    private RuleDependencies() {}

    /** For each rule, whether the results of the rules before it must be committed before it runs. */
    static boolean[] commitBefore(List<RuleDefinition> rules) {
        boolean[] out = new boolean[rules.size()];
        Set<String> written = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleDefinition rule = rules.get(i);
            String expr = rule.expr();
            out[i] = !written.isEmpty()
                    && (mentions(expr, "__name__") || written.stream().anyMatch(name -> mentions(expr, name)));
            if (rule instanceof AlertingRuleDefinition) {
                written.add(AlertingRule.ALERTS);
                written.add(AlertingRule.ALERTS_FOR_STATE);
            } else {
                written.add(rule.name());
            }
        }
        return out;
    }

    /** Whether {@code name} occurs in {@code expr} with no metric-name character right before or after it. */
    static boolean mentions(String expr, String name) {
        for (int from = expr.indexOf(name); from >= 0; from = expr.indexOf(name, from + 1)) {
            int end = from + name.length();
            boolean startsWord = from == 0 || !isNameChar(expr.charAt(from - 1));
            boolean endsWord = end == expr.length() || !isNameChar(expr.charAt(end));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNameChar(char c) {
        return c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
