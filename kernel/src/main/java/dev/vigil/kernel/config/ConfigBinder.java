package dev.vigil.kernel.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds several sections of one document so that the problems of all of them are reported at once:
 *
 * <pre>{@code
 * Map<String, Object> values = new ConfigBinder(document, ConfigMappers.strict())
 *         .bind("kernel", KernelConfig.class)
 *         .bind("hello", HelloConfig.class)
 *         .results(); // or a ConfigException listing every problem in every section
 * }</pre>
 *
 * <p>Not thread-safe; use one binder for one reading of the file.
 */
public final class ConfigBinder {

    private final ConfigDocument document;
    private final ObjectMapper mapper;
    private final Set<String> bound = new HashSet<>();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<ConfigProblem> problems = new ArrayList<>();

    /**
     * A binder for the sections of {@code document}.
     *
     * @param mapper binds every section; usually a new {@link ConfigMappers#strict()}
     */
    public ConfigBinder(ConfigDocument document, ObjectMapper mapper) {
        this.document = requireNonNull(document, "document is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
    }

    /**
     * Binds the section {@code section} to {@code type}, keeping the value or the problems found. An absent
     * section is bound from an empty mapping, so the type's defaults apply.
     *
     * @return this binder
     * @throws IllegalArgumentException if {@code section} was bound before
     */
    public ConfigBinder bind(String section, Class<?> type) {
        requireNonNull(section, "section is null");
        requireNonNull(type, "type is null");
        if (!bound.add(section)) {
            throw new IllegalArgumentException("section '" + section + "' is already bound");
        }
        Object value = SectionBinder.bind(document, section, type, mapper, problems);
        if (value != null) {
            results.put(section, value);
        }
        return this;
    }

    /** Every problem found so far, in the order they appear in the file. */
    public List<ConfigProblem> problems() {
        List<ConfigProblem> sorted = new ArrayList<>(problems);
        sorted.sort(ConfigProblem.IN_FILE_ORDER);
        return List.copyOf(sorted);
    }

    /**
     * Does nothing when every section bound so far had no problem.
     *
     * @throws ConfigException listing every problem found so far, if there is any
     */
    public void throwIfProblems() throws ConfigException {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems());
        }
    }

    /**
     * The bound values by section name, in the order they were bound.
     *
     * @throws ConfigException listing every problem in every section, if any section could not be bound
     */
    public Map<String, Object> results() throws ConfigException {
        throwIfProblems();
        return Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }
}
