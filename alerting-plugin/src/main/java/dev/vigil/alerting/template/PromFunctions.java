package dev.vigil.alerting.template;

import static dev.vigil.alerting.template.Function.Param.ANY;
import static dev.vigil.alerting.template.Function.Param.QUERY_RESULT;
import static dev.vigil.alerting.template.Function.Param.SAMPLE;
import static dev.vigil.alerting.template.Function.Param.STRING;

import dev.vigil.alerting.gotext.GoText;
import dev.vigil.alerting.template.Function.Body;
import dev.vigil.alerting.template.Function.Env;
import dev.vigil.alerting.template.Function.Param;
import dev.vigil.alerting.template.GoValue.AnyMap;
import dev.vigil.alerting.template.GoValue.GoDuration;
import dev.vigil.alerting.template.GoValue.GoTime;
import dev.vigil.alerting.template.GoValue.QueryResult;
import dev.vigil.alerting.template.GoValue.QuerySample;
import dev.vigil.alerting.template.GoValue.SafeHtml;
import dev.vigil.alerting.template.GoValue.StringMap;
import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The functions Prometheus adds to alert templates, with its semantics and messages. Stateless. */
final class PromFunctions {

    private static final String NIL_POINTER = "runtime error: invalid memory address or nil pointer dereference";

    private PromFunctions() {}

    static void register(Map<String, Function> functions) {
        add(functions, "query", (env, a) -> query(env, (String) a[0]), STRING);
        add(functions, "first", (env, a) -> first((QueryResult) a[0]), QUERY_RESULT);
        add(functions, "label", (env, a) -> sample(a[1]).labels().get((String) a[0]), STRING, SAMPLE);
        add(functions, "value", (env, a) -> sample(a[0]).value(), SAMPLE);
        add(functions, "strvalue", (env, a) -> sample(a[0]).labels().get("__value__"), SAMPLE);
        addVariadic(functions, "args", (env, a) -> args(a), ANY);
        add(functions, "reReplaceAll", (env, a) -> reReplaceAll(env, (String) a[0], (String) a[1], (String) a[2]),
                STRING, STRING, STRING);
        add(functions, "safeHtml", (env, a) -> new SafeHtml((String) a[0]), STRING);
        add(functions, "match", (env, a) -> match(env, (String) a[0], (String) a[1]), STRING, STRING);
        add(functions, "title", (env, a) -> TitleCase.title((String) a[0]), STRING);
        add(functions, "toUpper", (env, a) -> GoText.toUpper((String) a[0]), STRING);
        add(functions, "toLower", (env, a) -> GoText.toLower((String) a[0]), STRING);
        add(functions, "graphLink", (env, a) -> "/graph?g0.expr=" + GoEscape.queryEscape((String) a[0]) + "&g0.tab=0",
                STRING);
        add(functions, "tableLink", (env, a) -> "/graph?g0.expr=" + GoEscape.queryEscape((String) a[0]) + "&g0.tab=1",
                STRING);
        add(functions, "sortByLabel", (env, a) -> sortByLabel((String) a[0], (QueryResult) a[1]), STRING, QUERY_RESULT);
        add(functions, "stripPort", (env, a) -> stripPort((String) a[0]), STRING);
        add(functions, "stripDomain", (env, a) -> stripDomain((String) a[0]), STRING);
        add(functions, "humanize", (env, a) -> Humanize.humanize(Humanize.toFloat(a[0])), ANY);
        add(functions, "humanize1024", (env, a) -> Humanize.humanize1024(Humanize.toFloat(a[0])), ANY);
        add(functions, "humanizeDuration", (env, a) -> Humanize.humanizeDuration(Humanize.toFloat(a[0])), ANY);
        add(functions, "humanizePercentage", (env, a) -> Humanize.humanizePercentage(Humanize.toFloat(a[0])), ANY);
        add(functions, "humanizeTimestamp", (env, a) -> Humanize.humanizeTimestamp(Humanize.toFloat(a[0])), ANY);
        add(functions, "toTime", (env, a) -> new GoTime(Humanize.toEpochMillis(Humanize.toFloat(a[0])), true), ANY);
        add(functions, "toDuration", (env, a) -> new GoDuration((long) (Humanize.toFloat(a[0]) * 1e9)), ANY);
        add(functions, "now", (env, a) -> env.data().evaluationTime() / 1000.0);
        add(functions, "pathPrefix", (env, a) -> pathPrefix(env.data().externalUrl()));
        add(functions, "externalURL", (env, a) -> env.data().externalUrl());
        add(functions, "parseDuration", (env, a) -> parseDuration((String) a[0]), STRING);
    }

    private static void add(Map<String, Function> functions, String name, Body body, Param... params) {
        functions.put(name, new Function(name, false, List.of(params), false, body));
    }

    private static void addVariadic(Map<String, Function> functions, String name, Body body, Param... params) {
        functions.put(name, new Function(name, false, List.of(params), true, body));
    }

    private static QuerySample sample(@Nullable Object value) throws FunctionException {
        if (value == null) {
            throw new FunctionException(NIL_POINTER);
        }
        return (QuerySample) value;
    }

    private static QueryResult query(Env env, String expression) throws FunctionException {
        MetricQuery engine = env.query();
        if (engine == null) {
            throw new FunctionException("queries are not available in this template");
        }
        QueryValue value;
        try {
            value = engine.instant(expression, Instant.ofEpochMilli(env.data().evaluationTime())).value();
        } catch (QueryException e) {
            throw new FunctionException(e.getMessage());
        }
        List<QuerySample> samples = new ArrayList<>();
        if (value instanceof QueryValue.VectorValue vector) {
            for (QueryValue.Sample s : vector.samples()) {
                samples.add(new QuerySample(new StringMap(s.labels().asMap()), s.value()));
            }
        } else if (value instanceof QueryValue.ScalarValue scalar) {
            samples.add(new QuerySample(new StringMap(Map.of()), scalar.value()));
        } else {
            throw new FunctionException("rule result is not a vector or scalar");
        }
        return new QueryResult(samples);
    }

    private static QuerySample first(@Nullable QueryResult result) throws FunctionException {
        if (result == null || result.samples().isEmpty()) {
            throw new FunctionException("first() called on vector with no elements");
        }
        return result.samples().get(0);
    }

    private static AnyMap args(@Nullable Object[] values) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put("arg" + i, values[i]);
        }
        return new AnyMap(map);
    }

    private static String reReplaceAll(Env env, String pattern, String replacement, String text)
            throws FunctionException {
        return GoRegex.replaceAll(compile(env, pattern, true), text, replacement);
    }

    private static boolean match(Env env, String pattern, String text) throws FunctionException {
        return GoRegex.find(compile(env, pattern, false), text);
    }

    private static Pattern compile(Env env, String pattern, boolean mustCompile) throws FunctionException {
        try {
            return env.regex(pattern);
        } catch (IllegalArgumentException e) {
            String reason = "error parsing regexp: " + e.getMessage();
            // regexp.MustCompile panics with the pattern quoted; regexp.MatchString returns the plain error.
            throw new FunctionException(mustCompile ? "regexp: Compile(" + backquote(pattern) + "): " + reason : reason);
        }
    }

    private static String backquote(String s) {
        return GoText.canBackquote(s) ? "`" + s + "`" : GoText.quote(s);
    }

    private static @Nullable QueryResult sortByLabel(String label, @Nullable QueryResult result) {
        if (result != null) {
            result.samples().sort(Comparator.comparing(s -> (String) s.labels().get(label), GoText::compare));
        }
        return result;
    }

    private static String stripPort(String hostPort) {
        String[] split = GoNet.splitHostPort(hostPort);
        return split == null ? hostPort : split[0];
    }

    private static String stripDomain(String hostPort) {
        String[] split = GoNet.splitHostPort(hostPort);
        String host = split == null ? hostPort : split[0];
        String port = split == null ? "" : split[1];
        if (GoNet.isIp(host)) {
            return hostPort;
        }
        int dot = host.indexOf('.');
        host = dot < 0 ? host : host.substring(0, dot);
        return port.isEmpty() ? host : GoNet.joinHostPort(host, port);
    }

    private static String pathPrefix(String externalUrl) {
        try {
            String path = new URI(externalUrl).getPath();
            return path == null ? "" : path;
        } catch (URISyntaxException e) {
            return "";
        }
    }

    private static double parseDuration(String s) throws FunctionException {
        try {
            return GoTimes.parsePrometheusDuration(s) / 1e9;
        } catch (IllegalArgumentException e) {
            throw new FunctionException(e.getMessage());
        }
    }
}
