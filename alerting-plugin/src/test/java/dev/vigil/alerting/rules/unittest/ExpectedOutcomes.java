package dev.vigil.alerting.rules.unittest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list of conformance cases expected to fail: one case a line, {@code <case>  <reason>}, {@code #} starting
 * a comment line. Every case needs a reason.
 */
final class ExpectedOutcomes {

    private ExpectedOutcomes() {}

    /**
     * The cases and their reasons, in file order.
     *
     * @throws IllegalArgumentException naming every malformed or repeated line
     */
    static Map<String, String> parse(String text) {
        Map<String, String> cases = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2 || parts[1].isBlank()) {
                problems.add("line " + (i + 1) + ": expected \"<case>  <reason>\", got \"" + line + "\"");
            } else if (cases.putIfAbsent(parts[0], parts[1].strip()) != null) {
                problems.add("line " + (i + 1) + ": " + parts[0] + " is listed twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the expected outcomes are malformed:\n  " + String.join("\n  ", problems));
        }
        return cases;
    }
}
