package dev.vigil.alerting.channel.opsgenie;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.channel.ConfigProblems;
import dev.vigil.alerting.channel.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who an Opsgenie alert is routed to, {@code {type: team, name: sre}}: a team, user, escalation or schedule,
 * named by exactly one of {@code id}, {@code name} (teams, escalations, schedules) or {@code username} (users).
 *
 * @param type {@code team}, {@code user}, {@code escalation} or {@code schedule}
 * @param id the responder's id, or null
 * @param name the responder's name, or null
 * @param username the user's name, or null
 */
public record OpsgenieResponder(String type, @Nullable String id, @Nullable String name, @Nullable String username) {

    /** The responder types Opsgenie knows. */
    public static final List<String> TYPES = List.of("team", "user", "escalation", "schedule");

    /** Checks the type is given. */
    public OpsgenieResponder {
        requireNonNull(type, "type is null");
    }

    @JsonCreator
    private static OpsgenieResponder fromConfig(@JsonProperty("type") @Nullable String type,
            @JsonProperty("id") @Nullable String id, @JsonProperty("name") @Nullable String name,
            @JsonProperty("username") @Nullable String username) {
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        return new OpsgenieResponder(type, id, name, username);
    }

    /** Records what is wrong under {@code field}. */
    void check(String field, ConfigProblems problems) {
        if (!TYPES.contains(type)) {
            problems.add(field + ".type", "must be one of " + TYPES + ", got '" + type + "'");
        }
        int given = (id == null ? 0 : 1) + (name == null ? 0 : 1) + (username == null ? 0 : 1);
        if (given != 1) {
            problems.add(field, "give exactly one of id, name and username");
        } else if (username != null && !type.equals("user")) {
            problems.add(field + ".username", "is only for responders of type user");
        } else if (name != null && type.equals("user")) {
            problems.add(field + ".name", "is not for users: give username or id");
        }
    }

    /** The responder as the Alert API takes it. */
    ObjectNode toJson() {
        ObjectNode node = Json.object().put("type", type);
        if (id != null) {
            node.put("id", id);
        }
        if (name != null) {
            node.put("name", name);
        }
        if (username != null) {
            node.put("username", username);
        }
        return node;
    }
}
