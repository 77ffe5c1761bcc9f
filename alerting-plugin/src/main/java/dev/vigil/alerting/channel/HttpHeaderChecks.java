package dev.vigil.alerting.channel;

import dev.vigil.api.alerting.Secret;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks the custom HTTP headers a channel's settings may add to its requests. Stateless. */
public final class HttpHeaderChecks {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** Headers the HTTP client or the channel itself sets; a setting may not replace them. */
    private static final Set<String> RESERVED = Set.of("connection", "content-length", "content-type", "expect",
            "host", "upgrade", "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection",
            "idempotency-key");

    private HttpHeaderChecks() {}

    /**
     * Checks header names and values, recording problems under {@code field}.
     *
     * @param authorizationTaken whether the channel sets {@code Authorization} from its own settings
     */
    public static void check(String field, Map<String, Secret> headers, boolean authorizationTaken,
            ConfigProblems problems) {
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!TOKEN.matcher(name).matches()) {
                problems.add(field, "'" + name + "' is not a valid header name");
            } else if (RESERVED.contains(lower)) {
                problems.add(field, "'" + name + "' is set by the channel and cannot be configured");
            } else if (authorizationTaken && lower.equals("authorization")) {
                problems.add(field, "'Authorization' conflicts with basicAuth or bearerToken; give only one");
            }
            if (value == null) {
                problems.add(field, "'" + name + "' has no value");
            } else if (value.reveal().indexOf('\r') >= 0 || value.reveal().indexOf('\n') >= 0) {
                problems.add(field, "'" + name + "' has a line break in its value");
            }
        });
    }
}
