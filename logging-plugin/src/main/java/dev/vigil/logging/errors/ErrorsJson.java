package dev.vigil.logging.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.logs.LogRecord;
import java.time.Instant;
import java.util.Map;

/**
 * The API's answers, built as JSON trees so that each shape is visible where it is made and the platform's mapper
 * learns nothing of the plugin's types. Thread-safe.
 */
final class ErrorsJson {

    private ErrorsJson() {}

    /** Answers 200 with {@code {"status":"success","data":data}}. */
    static void success(HttpExchange exchange, JsonNode data) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("status", "success");
        body.set("data", data);
        exchange.json(200, body);
    }

    /** A page of issues, without their samples. */
    static ObjectNode page(IssuePage page, IssueQuery query) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode issues = node.putArray("issues");
        page.issues().forEach(issue -> issues.add(issue(issue)));
        node.put("total", page.total());
        node.put("page", query.page());
        node.put("limit", query.limit());
        return node;
    }

    /** An issue without its sample. */
    static ObjectNode issue(ErrorIssue issue) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", issue.id());
        node.put("type", issue.type());
        node.put("title", issue.title());
        node.put("culprit", issue.culprit());
        node.put("status", issue.status().label());
        node.put("firstSeen", issue.firstSeen().toString());
        node.put("lastSeen", issue.lastSeen().toString());
        node.put("count", issue.count());
        ObjectNode users = node.putObject("users");
        users.put("count", issue.users().count());
        users.put("atLeast", issue.users().atLeast());
        ArrayNode services = node.putArray("services");
        issue.services().forEach(services::add);
        return node;
    }

    /** An issue with its sample. */
    static ObjectNode issueWithSample(ErrorIssue issue) {
        ObjectNode node = issue(issue);
        node.set("sample", sample(issue.sample()));
        return node;
    }

    private static ObjectNode sample(LogRecord record) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("time", instant(record.time()));
        node.put("severity", record.severity().label());
        node.put("severityText", record.severityText());
        node.put("body", record.body());
        node.put("service", record.service());
        node.put("scope", record.scope());
        node.set("resource", strings(record.resource()));
        node.set("attributes", strings(record.attributes()));
        node.put("traceId", record.traceId());
        node.put("spanId", record.spanId());
        return node;
    }

    private static String instant(Instant time) {
        return time.toString();
    }

    private static ObjectNode strings(Map<String, String> map) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        map.forEach(node::put);
        return node;
    }
}
