package dev.vigil.metrics.promql.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cases known to fail, read from the resource {@value #RESOURCE}: one line per case,
 * {@code <file>:<line>  <reason>}, with {@code #} starting a comment line. Each entry needs a reason. Immutable.
 */
final class ExpectedFailures {

    /** Where the list is, on the test class path. */
    static final String RESOURCE = "/promql/expected-failures.txt";

    private static final Pattern ENTRY = Pattern.compile("([^\\s:]+\\.test:\\d+)\\s+(\\S.*)");

    private final Map<String, String> reasons;

    private ExpectedFailures(Map<String, String> reasons) {
        this.reasons = Collections.unmodifiableMap(reasons);
    }

    /**
     * Reads the list from the class path; an absent resource is an empty list.
     *
     * @throws IllegalArgumentException listing every malformed or repeated line
     */
    static ExpectedFailures load() {
        try (InputStream in = ExpectedFailures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new ExpectedFailures(Map.of());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads the list from its text.
     *
     * @throws IllegalArgumentException listing every malformed or repeated line
     */
    static ExpectedFailures parse(String text) {
        Map<String, String> reasons = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new java.io.StringReader(text));
        int number = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                Matcher m = ENTRY.matcher(trimmed);
                if (!m.matches()) {
                    problems.add("line " + number + ": expected \"<file>.test:<line>  <reason>\", got \"" + trimmed + "\"");
                } else if (reasons.putIfAbsent(m.group(1), m.group(2).strip()) != null) {
                    problems.add("line " + number + ": " + m.group(1) + " is listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(RESOURCE + " is malformed:\n  " + String.join("\n  ", problems));
        }
        return new ExpectedFailures(reasons);
    }

    /** Whether the case is listed. */
    boolean contains(String caseId) {
        return reasons.containsKey(caseId);
    }

    /** Every listed case and its reason, in file order. */
    Map<String, String> entries() {
        return reasons;
    }

    /** The file part of a case id. */
    static String fileOf(String caseId) {
        return caseId.substring(0, caseId.lastIndexOf(':'));
    }
}
