package dev.vigil.alerting.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.notify.NotificationPipeline;
import dev.vigil.alerting.notify.config.TimeIntervalSpec;
import dev.vigil.alerting.notify.match.Matchers;
import dev.vigil.alerting.notify.silence.Silence;
import dev.vigil.alerting.notify.silence.SilenceRequest;
import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpStatusException;
import dev.vigil.api.metrics.LabelMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Silences: {@code GET /api/v1/alerting/silences}, {@code GET /api/v1/alerting/silences/{id}},
 * {@code POST /api/v1/alerting/silences} and {@code DELETE /api/v1/alerting/silences/{id}} (expires it).
 *
 * <p>A silence is created from {@code matchers} (Alertmanager's syntax, {@code ["severity=\"page\""]}, or its API's
 * objects {@code {"name","value","isRegex","isEqual"}}), {@code startsAt}, {@code endsAt}, {@code createdBy},
 * {@code comment}, and for a recurring silence (a maintenance window) {@code schedule}: time intervals in
 * Alertmanager's syntax, such as {@code [{"weekdays":["saturday"],"times":[{"start_time":"02:00","end_time":"04:00"}]}]}.
 */
final class SilencesEndpoints {

    /** Reads and writes schedules; the plugin's own, so it goes with the plugin's class loader. */
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final NotificationPipeline pipeline;

    SilencesEndpoints(NotificationPipeline pipeline) {
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
    }

    void list(HttpExchange exchange) {
        Instant now = pipeline.clock().instant();
        ArrayNode silences = Json.array();
        pipeline.silences().forEach(silence -> silences.add(silence(silence, now)));
        Json.success(exchange, silences);
    }

    void get(HttpExchange exchange) {
        String id = exchange.pathParam("id");
        Silence silence = pipeline.silence(id).orElseThrow(() -> HttpStatusException.notFound("no silence " + id));
        Json.success(exchange, silence(silence, pipeline.clock().instant()));
    }

    void create(HttpExchange exchange) {
        ObjectNode body = Json.body(exchange);
        SilenceRequest request = new SilenceRequest(matchers(body), Json.instant(body, "startsAt"), Json.instant(body, "endsAt"),
                Json.text(body, "createdBy").orElse(""), Json.text(body, "comment").orElse(""), schedule(body));
        Silence silence;
        try {
            silence = pipeline.createSilence(request);
        } catch (IllegalArgumentException e) {
            throw HttpStatusException.badRequest(e.getMessage());
        }
        ObjectNode data = Json.object();
        data.put("silenceID", silence.id());
        Json.success(exchange, data);
    }

    void expire(HttpExchange exchange) {
        String id = exchange.pathParam("id");
        Silence expired = pipeline.expireSilence(id).orElseThrow(() -> HttpStatusException.notFound("no silence " + id));
        Json.success(exchange, silence(expired, pipeline.clock().instant()));
    }

    private static ObjectNode silence(Silence silence, Instant now) {
        ObjectNode node = Json.object();
        node.put("id", silence.id());
        ArrayNode matchers = node.putArray("matchers");
        for (LabelMatcher m : silence.matchers().list()) {
            ObjectNode matcher = matchers.addObject();
            matcher.put("name", m.name());
            matcher.put("value", m.value());
            matcher.put("isRegex", m.type() == LabelMatcher.Type.REGEX || m.type() == LabelMatcher.Type.NOT_REGEX);
            matcher.put("isEqual", m.type() == LabelMatcher.Type.EQUAL || m.type() == LabelMatcher.Type.REGEX);
        }
        node.put("startsAt", silence.startsAt().toString());
        Json.putInstant(node, "endsAt", silence.endsAt());
        node.put("updatedAt", silence.updatedAt().toString());
        node.put("createdBy", silence.createdBy());
        node.put("comment", silence.comment());
        node.putObject("status").put("state", silence.state(now).wireName());
        if (silence.schedule().isPresent()) {
            node.set("schedule", mapper().valueToTree(silence.schedule().get().specs()));
        } else {
            node.putNull("schedule");
        }
        return node;
    }

    private static List<LabelMatcher> matchers(ObjectNode body) {
        JsonNode list = body.get("matchers");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw HttpStatusException.badRequest("\"matchers\" must be a list");
        }
        List<LabelMatcher> out = new ArrayList<>();
        for (JsonNode item : list) {
            if (item.isTextual()) {
                try {
                    out.addAll(Matchers.parse(item.asText()).list());
                } catch (IllegalArgumentException e) {
                    throw HttpStatusException.badRequest("matchers: " + e.getMessage());
                }
            } else if (item.isObject()) {
                out.add(matcherObject((ObjectNode) item));
            } else {
                throw HttpStatusException.badRequest("matchers: each is a string such as severity=\"page\" or an object with name and value");
            }
        }
        return out;
    }

    private static LabelMatcher matcherObject(ObjectNode item) {
        String name = Json.text(item, "name").orElseThrow(() -> HttpStatusException.badRequest("matchers: a matcher has no \"name\""));
        String value = Json.text(item, "value").orElseThrow(() -> HttpStatusException.badRequest("matchers: a matcher has no \"value\""));
        boolean regex = item.path("isRegex").asBoolean(false);
        boolean equal = item.path("isEqual").asBoolean(true);
        LabelMatcher.Type type = regex ? (equal ? LabelMatcher.Type.REGEX : LabelMatcher.Type.NOT_REGEX)
                : (equal ? LabelMatcher.Type.EQUAL : LabelMatcher.Type.NOT_EQUAL);
        try {
            return LabelMatcher.of(type, name, value);
        } catch (IllegalArgumentException e) {
            throw HttpStatusException.badRequest("matchers: " + e.getMessage());
        }
    }

    private static List<TimeIntervalSpec> schedule(ObjectNode body) {
        JsonNode schedule = body.get("schedule");
        if (schedule == null || schedule.isNull()) {
            return List.of();
        }
        try {
            return List.of(mapper().treeToValue(schedule, TimeIntervalSpec[].class));
        } catch (JsonProcessingException e) {
            throw HttpStatusException.badRequest("schedule: " + e.getOriginalMessage().lines().findFirst().orElse("not a list of time intervals"));
        }
    }

    private static JsonMapper mapper() {
        return MAPPER;
    }
}
