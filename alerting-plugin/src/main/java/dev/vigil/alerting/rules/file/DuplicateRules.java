package dev.vigil.alerting.rules.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds rules of one file that share their name and labels, which {@code promtool check rules} reports as a lint
 * warning: two recording rules writing the same series make it flap between their results.
 */
final class DuplicateRules {

    private DuplicateRules() {}

    /** One warning per name and label set defined more than once, in file order. */
    static List<String> find(RuleFile file) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (GroupDefinition group : file.groups()) {
            for (RuleDefinition rule : group.rules()) {
                counts.merge(rule.name() + rule.labels(), 1, Integer::sum);
            }
        }
        List<String> warnings = new ArrayList<>();
        counts.forEach((rule, count) -> {
            if (count > 1) {
                warnings.add("duplicate rule " + rule + " defined " + count
                        + " times; might cause inconsistency while recording expressions");
            }
        });
        return warnings;
    }
}
