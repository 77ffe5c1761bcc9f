package dev.vigil.kernel.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed configuration document, with the location of every node kept for error messages.
 *
 * <p>The document is one YAML mapping whose keys name sections: {@code kernel} for the kernel, a plugin id
 * for each plugin. An empty file is an empty configuration. While reading, every string value has its
 * environment variable references replaced: {@code ${NAME}}, {@code ${NAME:-default}} (the default when the
 * variable is unset or empty), and <code>$${</code> for a literal <code>${</code>; keys are left alone. Only
 * {@code true} and {@code false} are booleans ({@code yes}, {@code no}, {@code on} and {@code off} are strings),
 * and a key with nothing after it is null.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConfigDocument {

    private final String source;
    private final ObjectNode root;
    private final Locations locations;
    private final Set<String> sectionNames;

    private ConfigDocument(String source, ObjectNode root, Locations locations) {
        this.source = source;
        this.root = root;
        this.locations = locations;
        Set<String> names = new LinkedHashSet<>();
        root.fieldNames().forEachRemaining(names::add);
        this.sectionNames = Collections.unmodifiableSet(names);
    }

    /**
     * Reads and parses {@code file} (UTF-8), named in problems by {@code file.toString()}.
     *
     * @param env the environment variables to substitute, usually {@link System#getenv()}
     * @throws ConfigException listing every problem, including a file that cannot be read
     */
    public static ConfigDocument read(Path file, Map<String, String> env) throws ConfigException {
        requireNonNull(file, "file is null");
        requireNonNull(env, "env is null");
        String source = file.toString();
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException notUtf8) {
            throw new ConfigException(List.of(new ConfigProblem(source, 0, 0, "", "cannot read: the file is not UTF-8 text")));
        } catch (IOException failure) {
            String detail = failure.getMessage() == null ? "" : ": " + failure.getMessage();
            throw new ConfigException(List.of(
                    new ConfigProblem(source, 0, 0, "", "cannot read: " + failure.getClass().getSimpleName() + detail)));
        }
        return parse(source, yaml, env);
    }

    /**
     * Parses {@code yamlText}.
     *
     * @param source names the text in problems, usually the file it came from
     * @param env the environment variables to substitute
     * @throws ConfigException listing every problem found: bad syntax, duplicate keys, unset variables, a top
     *     level that is not a mapping, more than one document
     */
    public static ConfigDocument parse(String source, String yamlText, Map<String, String> env) throws ConfigException {
        requireNonNull(source, "source is null");
        requireNonNull(yamlText, "yamlText is null");
        requireNonNull(env, "env is null");
        YamlTreeReader.Result result = YamlTreeReader.read(source, yamlText, env);
        if (!result.problems().isEmpty()) {
            List<ConfigProblem> problems = new ArrayList<>(result.problems());
            problems.sort(ConfigProblem.IN_FILE_ORDER);
            throw new ConfigException(problems);
        }
        return new ConfigDocument(source, result.root(), result.locations());
    }

    /** A document without sections, as if {@code source} were an empty file. */
    public static ConfigDocument empty(String source) {
        return new ConfigDocument(requireNonNull(source, "source is null"), JsonNodeFactory.instance.objectNode(), new Locations());
    }

    /** Where the document came from, as named in its problems. */
    public String source() {
        return source;
    }

    /** The top-level keys, in the order they appear in the document. */
    public Set<String> sectionNames() {
        return sectionNames;
    }

    /** Whether the document has a top-level key {@code name}. */
    public boolean hasSection(String name) {
        return root.has(name);
    }

    /**
     * A copy of the section {@code name} after substitution; an empty mapping when the section is absent or
     * empty. Comparing the trees of two readings with {@code equals} tells whether the section changed.
     */
    public JsonNode sectionTree(String name) {
        JsonNode section = root.get(name);
        return section == null || section.isNull() ? JsonNodeFactory.instance.objectNode() : section.deepCopy();
    }

    /**
     * Binds the section {@code section} to {@code type} with {@code mapper}, usually {@link ConfigMappers#strict()}.
     * An absent section is bound from an empty mapping, so the type's defaults apply.
     *
     * @throws ConfigException listing every problem in the section, located in this document
     */
    public <T> T bind(String section, Class<T> type, ObjectMapper mapper) throws ConfigException {
        requireNonNull(section, "section is null");
        requireNonNull(type, "type is null");
        requireNonNull(mapper, "mapper is null");
        List<ConfigProblem> problems = new ArrayList<>();
        T value = SectionBinder.bind(this, section, type, mapper, problems);
        if (value == null) {
            problems.sort(ConfigProblem.IN_FILE_ORDER);
            throw new ConfigException(problems);
        }
        return value;
    }

    Locations locations() {
        return locations;
    }

    @Override
    public String toString() {
        return "ConfigDocument[" + source + ", sections=" + sectionNames + "]";
    }
}
