package dev.vigil.logging.logback;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.LayoutBase;
import dev.vigil.api.logs.Severity;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.event.KeyValuePair;

/**
 * One readable line per event: time with offset, severity, thread, abbreviated logger, message, then the key/value
 * pairs, the MDC (sorted) and the correlation fields as {@code key=value} (quoted when needed), and the stack trace
 * under the line. With colours, the severity is coloured by how bad it is and the rest dimmed around the message.
 * Thread-safe.
 */
final class TextLayout extends LayoutBase<ILoggingEvent> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final String RESET = "\u001b[0m";
    private static final String DIM = "\u001b[2m";
    private static final String CYAN = "\u001b[36m";
    private static final List<String> CORRELATION = List.of(RedactedEvent.TRACE_ID, RedactedEvent.SPAN_ID, RedactedEvent.PLUGIN);

    private final boolean colours;
    private final DateTimeFormatter time;
    private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(36);

    TextLayout(boolean colours, ZoneId zone) {
        this.colours = colours;
        this.time = TIME.withZone(zone);
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder out = new StringBuilder(256);
        Severity severity = Severities.of(event);
        start(out, DIM);
        time.formatTo(event.getInstant(), out);
        end(out);
        out.append(' ');
        start(out, colour(severity));
        String name = severity.name();
        out.append(name);
        end(out);
        for (int i = name.length(); i < 5; i++) {
            out.append(' ');
        }
        out.append(' ');
        start(out, DIM);
        out.append('[').append(event.getThreadName()).append(']');
        end(out);
        out.append(' ');
        start(out, CYAN);
        out.append(abbreviator.abbreviate(event.getLoggerName()));
        end(out);
        out.append(" - ").append(event.getFormattedMessage());
        appendFields(out, event);
        out.append(System.lineSeparator());
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable != null) {
            out.append(StackTraces.print(throwable).replace("\n", System.lineSeparator()));
        }
        return out.toString();
    }

    private void appendFields(StringBuilder out, ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        Map<String, String> mdc = event.getMDCPropertyMap();
        boolean any = pairs != null && !pairs.isEmpty() || mdc != null && !mdc.isEmpty();
        if (!any) {
            return;
        }
        start(out, DIM);
        if (pairs != null) {
            for (KeyValuePair p : pairs) {
                appendField(out, p.key, String.valueOf(p.value));
            }
        }
        if (mdc != null && !mdc.isEmpty()) {
            TreeMap<String, String> sorted = new TreeMap<>(mdc);
            for (String key : CORRELATION) {
                sorted.remove(key);
            }
            sorted.forEach((k, v) -> appendField(out, k, v));
            for (String key : CORRELATION) {
                String value = mdc.get(key);
                if (value != null) {
                    appendField(out, key, value);
                }
            }
        }
        end(out);
    }

    private static void appendField(StringBuilder out, String key, String value) {
        out.append(' ').append(key).append('=');
        if (!needsQuotes(value)) {
            out.append(value);
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        out.append('"');
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '"' || c == '=' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    private void start(StringBuilder out, String code) {
        if (colours) {
            out.append(code);
        }
    }

    private void end(StringBuilder out) {
        if (colours) {
            out.append(RESET);
        }
    }

    private static String colour(Severity severity) {
        return switch (severity) {
            case TRACE -> DIM;
            case DEBUG -> "\u001b[34m";
            case INFO -> "\u001b[32m";
            case WARN -> "\u001b[33m";
            case ERROR -> "\u001b[31m";
            case FATAL -> "\u001b[1;31m";
        };
    }
}
