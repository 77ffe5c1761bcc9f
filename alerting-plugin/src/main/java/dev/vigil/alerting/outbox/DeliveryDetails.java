package dev.vigil.alerting.outbox;

import dev.vigil.api.alerting.Secret;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what happened in an attempt into text for the history and the status. URLs lose everything after
 * their host, because webhook URLs often carry a key in the path or query; text is cut to a bounded length.
 * Stateless.
 */
final class DeliveryDetails {

    static final int MAX_LENGTH = 1000;

    private static final Pattern URL = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*)://(?:[^\\s/?#@]*@)?([^\\s/?#]*)(\\S*)");

    private DeliveryDetails() {}

    /** A channel's detail, with URLs cut back. */
    static String of(String detail) {
        return clip(redact(detail));
    }

    /** What a channel threw: its type and message, and its cause's. */
    static String of(Throwable failure) {
        StringBuilder text = new StringBuilder("threw ").append(describe(failure));
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure) {
            text.append(" (caused by ").append(describe(cause)).append(')');
        }
        return of(text.toString());
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getName() : t.getClass().getName() + ": " + message;
    }

    static String redact(String text) {
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String rest = m.group(3);
            String replacement = m.group(1) + "://" + m.group(2) + (rest == null || rest.isEmpty() ? "" : "/" + Secret.MASK);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String clip(String text) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH - 1) + "…";
    }
}
