package dev.vigil.alerting.channel;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.alerting.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A short text with placeholders filled from a notification, for the titles, subjects and summaries of channel
 * settings: {@code "{STATUS}: {commonLabels.alertname} on {commonLabels.instance|several hosts}"}.
 *
 * <p>Placeholders:
 * <ul>
 *   <li>{@code {status}} ({@code firing} or {@code resolved}) and {@code {STATUS}} (in capitals);</li>
 *   <li>{@code {subject}}: Alertmanager's default subject, see {@link NotificationText#subject};</li>
 *   <li>{@code {receiver}}, {@code {groupKey}}, {@code {externalURL}};</li>
 *   <li>{@code {firing}}, {@code {resolved}}, {@code {alerts}}: how many alerts fire, resolved, in all;</li>
 *   <li>{@code {groupLabels}}: the group labels' values; {@code {commonLabels}}: the values of the other common
 *       labels;</li>
 *   <li>{@code {groupLabels.NAME}}, {@code {commonLabels.NAME}}, {@code {commonAnnotations.NAME}}: one value.</li>
 * </ul>
 * {@code {name|fallback}} gives {@code fallback} when the value is empty. {@code {{} and {@code }}} stand for
 * literal braces. Braces rather than {@code ${…}} because the configuration file substitutes {@code ${…}} with
 * environment variables before a channel sees it.
 *
 * <p>Immutable and thread-safe: parse once when the channel is made, render per notification.
 */
public final class MessageTemplate {

    private static final Set<String> SIMPLE = Set.of("status", "STATUS", "subject", "receiver", "groupKey",
            "externalURL", "firing", "resolved", "alerts", "groupLabels", "commonLabels");
    private static final List<String> MAPS = List.of("groupLabels.", "commonLabels.", "commonAnnotations.");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** A piece of the template: literal text when {@code key} is null, else a placeholder. */
    private record Part(@Nullable String key, String text) {}

    private final String source;
    private final List<Part> parts;

    private MessageTemplate(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the position and what is wrong, such as an unknown placeholder
     */
    public static MessageTemplate parse(String text) {
        requireNonNull(text, "text is null");
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '}') {
                throw new IllegalArgumentException("unmatched '}' at position " + i + " (write '}}' for a brace)");
            } else if (c == '{') {
                int close = text.indexOf('}', i + 1);
                int nested = text.indexOf('{', i + 1);
                if (close < 0 || (nested >= 0 && nested < close)) {
                    throw new IllegalArgumentException("unclosed '{' at position " + i + " (write '{{' for a brace)");
                }
                if (literal.length() > 0) {
                    parts.add(new Part(null, literal.toString()));
                    literal.setLength(0);
                }
                parts.add(placeholder(text.substring(i + 1, close), i));
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(new Part(null, literal.toString()));
        }
        return new MessageTemplate(text, List.copyOf(parts));
    }

    private static Part placeholder(String inside, int position) {
        int bar = inside.indexOf('|');
        String key = (bar < 0 ? inside : inside.substring(0, bar)).strip();
        String fallback = bar < 0 ? "" : inside.substring(bar + 1);
        if (SIMPLE.contains(key)) {
            return new Part(key, fallback);
        }
        for (String prefix : MAPS) {
            if (key.startsWith(prefix) && NAME.matcher(key.substring(prefix.length())).matches()) {
                return new Part(key, fallback);
            }
        }
        throw new IllegalArgumentException("unknown placeholder {" + key + "} at position " + position + "; known: "
                + "{status}, {STATUS}, {subject}, {receiver}, {groupKey}, {externalURL}, {firing}, {resolved}, "
                + "{alerts}, {groupLabels}, {commonLabels}, {groupLabels.NAME}, {commonLabels.NAME}, "
                + "{commonAnnotations.NAME}");
    }

    /** The text the template was parsed from. */
    public String source() {
        return source;
    }

    /**
     * Fills the placeholders from {@code notification}.
     *
     * @param externalUrl what {@code {externalURL}} stands for
     */
    public String render(Notification notification, String externalUrl) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            String key = part.key();
            if (key == null) {
                out.append(part.text());
            } else {
                String value = value(key, notification, externalUrl);
                out.append(value.isEmpty() ? part.text() : value);
            }
        }
        return out.toString();
    }

    private static String value(String key, Notification n, String externalUrl) {
        return switch (key) {
            case "status" -> n.status().wireName();
            case "STATUS" -> n.status().wireName().toUpperCase(Locale.ROOT);
            case "subject" -> NotificationText.subject(n);
            case "receiver" -> n.receiver();
            case "groupKey" -> n.groupKey();
            case "externalURL" -> externalUrl;
            case "firing" -> Integer.toString(n.firing().size());
            case "resolved" -> Integer.toString(n.resolved().size());
            case "alerts" -> Integer.toString(n.alerts().size());
            case "groupLabels" -> NotificationText.groupValues(n);
            case "commonLabels" -> NotificationText.otherCommonValues(n);
            default -> lookup(key, n);
        };
    }

    private static String lookup(String key, Notification n) {
        int dot = key.indexOf('.');
        String name = key.substring(dot + 1);
        Map<String, String> map = switch (key.substring(0, dot)) {
            case "groupLabels" -> n.groupLabels();
            case "commonLabels" -> n.commonLabels();
            default -> n.commonAnnotations();
        };
        return map.getOrDefault(name, "");
    }

    @Override
    public String toString() {
        return source;
    }
}
