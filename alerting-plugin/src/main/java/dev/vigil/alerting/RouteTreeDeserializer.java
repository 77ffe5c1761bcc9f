package dev.vigil.alerting;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.notify.config.RouteConfig;
import java.io.IOException;

/**
 * Reads the routing tree with the mapper that binds the rest of the file, after giving every route that leaves
 * {@code continue} out the value {@code false}, as Alertmanager does: the platform's strict binding refuses a
 * missing value for a primitive, and {@link RouteConfig} declares {@code continue} as one. Errors keep their
 * path in the document.
 */
final class RouteTreeDeserializer extends StdDeserializer<RouteConfig> {

    private static final long serialVersionUID = 1L;

    RouteTreeDeserializer() {
        super(RouteConfig.class);
    }

    @Override
    public RouteConfig deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode tree = context.readTree(parser);
        if (!tree.isObject()) {
            return context.reportInputMismatch(RouteConfig.class, "expected a route (a mapping), got %s", tree.getNodeType());
        }
        return context.readTreeAsValue(withContinue(tree.deepCopy()), RouteConfig.class);
    }

    private static JsonNode withContinue(ObjectNode route) {
        if (!route.has("continue")) {
            route.put("continue", false);
        }
        JsonNode children = route.get("routes");
        if (children != null && children.isArray()) {
            for (JsonNode child : children) {
                if (child.isObject()) {
                    withContinue((ObjectNode) child);
                }
            }
        }
        return route;
    }
}
