package dev.vigil.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kernel.config.ConfigDocument;
import dev.vigil.kernel.config.ConfigException;
import dev.vigil.kernel.config.ConfigMappers;
import dev.vigil.kernel.config.HttpSettings;
import dev.vigil.kernel.config.KernelConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil query}: runs a PromQL query through the query API of a running platform (or of any Prometheus
 * compatible server) and prints the result. An instant query by default; a range query with {@code --start} or
 * {@code --since}. Exit status 0 on success, 1 when the server refuses or fails the query, 2 when it cannot be
 * asked (bad options, no server).
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Runs a PromQL query against the platform's query API and prints the result. "
                + "Exit status 1 when the query fails, 2 when the server cannot be reached.")
final class QueryCommand implements Callable<Integer> {

    /** Points a range query gets when --step is not given, as in Prometheus's expression browser. */
    private static final long DEFAULT_POINTS = 250;
    private static final Pattern DURATION = Pattern.compile("([0-9]+)(ms|s|m|h|d|w|y)");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    /** How the result is printed. */
    enum Output {
        /** Columns for people. */
        table,
        /** The server's JSON answer as it came. */
        json
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPR", description = "The PromQL expression, such as 'rate(http_requests_total[5m])'.")
    String expression;

    @Option(names = "--time", paramLabel = "TIME", description = "Evaluation time of an instant query, RFC 3339 or Unix seconds (default: now).")
    @Nullable String time;

    @Option(names = "--start", paramLabel = "TIME", description = "Start of a range query, RFC 3339 or Unix seconds.")
    @Nullable String start;

    @Option(names = "--end", paramLabel = "TIME", description = "End of a range query (default: now).")
    @Nullable String end;

    @Option(names = "--since", paramLabel = "DURATION", description = "A range query over the last DURATION, such as 1h or 30m.")
    @Nullable String since;

    @Option(names = "--step", paramLabel = "DURATION", description = "Resolution of a range query, such as 15s (default: the range / 250, at least 1s).")
    @Nullable String step;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "How long the server may take (default: its query.timeout).")
    @Nullable String timeout;

    @Option(names = "--url", paramLabel = "URL",
            description = "The platform's API (default: http://<kernel.http.bind>:<kernel.http.port> from the configuration, else http://127.0.0.1:9400).")
    @Nullable URI url;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file that gives the API's address (default: conf/vigil.yaml under the installation, if present).")
    @Nullable Path config;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table", description = "table or json (default: table).")
    Output output = Output.table;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> form;
        URI base;
        try {
            form = form(System.currentTimeMillis());
            base = url != null ? url : defaultUrl();
        } catch (IllegalArgumentException e) {
            err.println("vigil: " + e.getMessage());
            return 2;
        }
        boolean range = form.containsKey("start");
        URI endpoint = base.resolve(range ? "/api/v1/query_range" : "/api/v1/query");
        HttpResponse<String> response;
        try {
            response = send(endpoint, form);
        } catch (IOException e) {
            err.println("vigil: cannot reach " + endpoint + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("vigil: interrupted");
            return 2;
        }
        return answer(out, err, endpoint, response);
    }

    private int answer(PrintWriter out, PrintWriter err, URI endpoint, HttpResponse<String> response) {
        JsonNode body;
        try {
            body = new ObjectMapper().readTree(response.body());
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            String text = response.body().strip();
            err.println("vigil: " + endpoint + " answered " + response.statusCode() + (text.isEmpty() ? "" : ": "
                    + (text.length() > 200 ? text.substring(0, 200) + "..." : text)));
            return 1;
        }
        if (!"success".equals(body.path("status").asText())) {
            err.println("vigil: " + body.path("errorType").asText("error") + ": " + body.path("error").asText("HTTP " + response.statusCode()));
            return 1;
        }
        for (JsonNode warning : body.path("warnings")) {
            err.println("warning: " + warning.asText());
        }
        for (JsonNode info : body.path("infos")) {
            err.println("info: " + info.asText());
        }
        if (output == Output.json) {
            out.println(response.body());
        } else {
            QueryOutput.print(out, body.path("data"));
        }
        return 0;
    }

    /** The form of the request: an instant query, or a range query when --start or --since is given. */
    Map<String, String> form(long nowMillis) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("query", expression);
        boolean range = start != null || since != null;
        if (!range) {
            if (end != null || step != null) {
                throw new IllegalArgumentException("--end and --step are for range queries: give --start or --since too");
            }
            if (time != null) {
                form.put("time", time);
            }
        } else {
            if (time != null) {
                throw new IllegalArgumentException("--time is for instant queries; a range query takes --start or --since");
            }
            if (start != null && since != null) {
                throw new IllegalArgumentException("give --start or --since, not both");
            }
            long endMillis = end == null ? nowMillis : millis("--end", end);
            long startMillis = since != null ? endMillis - durationMillis("--since", since) : millis("--start", start);
            form.put("start", seconds(startMillis));
            form.put("end", seconds(endMillis));
            form.put("step", step != null ? step : Math.max(1, (endMillis - startMillis) / 1000 / DEFAULT_POINTS) + "s");
        }
        if (timeout != null) {
            form.put("timeout", timeout);
        }
        return form;
    }

    /** The API of the local platform, from the configuration file when there is one. */
    URI defaultUrl() {
        Path file = Home.configOr(config);
        if (config != null && !Files.isRegularFile(config)) {
            throw new IllegalArgumentException("configuration file " + config + " does not exist");
        }
        HttpSettings http = HttpSettings.defaults();
        if (file != null) {
            try {
                http = ConfigDocument.read(file, System.getenv()).bind("kernel", KernelConfig.class, ConfigMappers.strict()).http();
            } catch (ConfigException e) {
                throw new IllegalArgumentException("cannot read the API's address from " + file + ": " + e.getMessage());
            }
        }
        String host = http.bind();
        if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + http.port());
    }

    private static HttpResponse<String> send(URI endpoint, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A time given as Unix seconds or RFC 3339, in milliseconds. */
    private static long millis(String option, String text) {
        try {
            return new BigDecimal(text).movePointRight(3).longValue();
        } catch (NumberFormatException notSeconds) {
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException notRfc3339) {
                throw new IllegalArgumentException(option + ": cannot read \"" + text + "\" as a time (RFC 3339 or Unix seconds)");
            }
        }
    }

    /** A duration such as 1h, 30m or 1h30m, in milliseconds. */
    private static long durationMillis(String option, String text) {
        Matcher m = DURATION.matcher(text);
        long total = 0;
        int at = 0;
        while (m.find() && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            total += n * switch (m.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                case "d" -> 86_400_000L;
                case "w" -> 604_800_000L;
                default -> 31_536_000_000L;
            };
            at = m.end();
        }
        if (at != text.length() || text.isEmpty() || total <= 0) {
            throw new IllegalArgumentException(option + ": cannot read \"" + text + "\" as a duration such as 30m or 1h");
        }
        return total;
    }

    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }
}
