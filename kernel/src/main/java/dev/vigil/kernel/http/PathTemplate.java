package dev.vigil.kernel.http;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A route path such as {@code /api/v1/plugins/{id}/stop}: literal segments and {@code {name}} parameters,
 * each parameter a whole segment. A trailing slash is ignored.
 */
final class PathTemplate {

    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final String text;
    private final List<Segment> segments;

    private PathTemplate(String text, List<Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /** One segment: a literal to match exactly, or a parameter that matches any non-empty segment. */
    record Segment(String literal, @Nullable String param) {

        boolean isParam() {
            return param != null;
        }
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException with the reason when the template is not valid
     */
    static PathTemplate parse(String path) {
        requireNonNull(path, "path is null");
        if (!path.startsWith("/")) {
            throw invalid(path, "it must start with '/'");
        }
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        List<Segment> segments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (!trimmed.equals("/")) {
            for (String part : trimmed.substring(1).split("/", -1)) {
                Segment segment = parseSegment(path, part);
                if (segment.param() != null && !names.add(segment.param())) {
                    throw invalid(path, "parameter {" + segment.param() + "} appears twice");
                }
                segments.add(segment);
            }
        }
        return new PathTemplate(trimmed, segments);
    }

    private static Segment parseSegment(String path, String part) {
        if (part.isEmpty()) {
            throw invalid(path, "it has an empty segment");
        }
        int open = count(part, '{');
        int close = count(part, '}');
        if (open == 0 && close == 0) {
            if (part.indexOf('?') >= 0 || part.indexOf('#') >= 0 || part.indexOf('*') >= 0) {
                throw invalid(path, "segment '" + part + "' contains '?', '#' or '*'");
            }
            return new Segment(part, null);
        }
        if (open != close) {
            throw invalid(path, "unbalanced braces in segment '" + part + "'");
        }
        if (open > 1 || !part.startsWith("{") || !part.endsWith("}")) {
            throw invalid(path, "a parameter must be a whole segment: '" + part + "'");
        }
        String name = part.substring(1, part.length() - 1);
        if (name.isEmpty()) {
            throw invalid(path, "empty parameter name");
        }
        if (!PARAM_NAME.matcher(name).matches()) {
            throw invalid(path, "invalid parameter name '" + name + "'");
        }
        return new Segment(part, name);
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }

    private static IllegalArgumentException invalid(String path, String reason) {
        return new IllegalArgumentException("invalid path template '" + path + "': " + reason);
    }

    /** The template as written, without a trailing slash; {@code /} for the root. */
    String text() {
        return text;
    }

    List<Segment> segments() {
        return segments;
    }

    /** The template with every parameter name erased: two templates with the same shape match the same paths. */
    String shape() {
        StringBuilder shape = new StringBuilder();
        for (Segment segment : segments) {
            shape.append('/').append(segment.isParam() ? "{}" : segment.literal());
        }
        return shape.length() == 0 ? "/" : shape.toString();
    }

    /** The parameter values of a request path this template matched, by name, in template order. */
    Map<String, String> params(List<String> requestSegments) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String name = segments.get(i).param();
            if (name != null) {
                params.put(name, requestSegments.get(i));
            }
        }
        return params;
    }

    @Override
    public String toString() {
        return text;
    }
}
