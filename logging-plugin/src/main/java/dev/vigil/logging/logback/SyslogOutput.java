package dev.vigil.logging.logback;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.vigil.logging.syslog.Rfc5424Formatter;
import dev.vigil.logging.syslog.SyslogSender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.event.KeyValuePair;

/**
 * The syslog output: each event formatted as RFC 5424 and queued on a {@link SyslogSender}. The MSGID is the logger's
 * simple name; the structured data holds the trace and span ids, the plugin, the whole logger name, the MDC and the
 * key/value pairs; the message holds the stack trace, if any, under the text. Thread-safe.
 */
final class SyslogOutput extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private static final List<String> CORRELATION = List.of(RedactedEvent.TRACE_ID, RedactedEvent.SPAN_ID, RedactedEvent.PLUGIN);

    private final Rfc5424Formatter formatter;
    private final SyslogSender sender;

    SyslogOutput(Rfc5424Formatter formatter, SyslogSender sender) {
        this.formatter = requireNonNull(formatter, "formatter is null");
        this.sender = requireNonNull(sender, "sender is null");
        setName("syslog");
    }

    SyslogSender sender() {
        return sender;
    }

    @Override
    protected void append(ILoggingEvent event) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : CORRELATION) {
            String value = mdc.get(key);
            if (value != null) {
                params.put(key, value);
            }
        }
        params.put("logger", event.getLoggerName());
        if (!mdc.isEmpty()) {
            TreeMap<String, String> rest = new TreeMap<>(mdc);
            CORRELATION.forEach(rest::remove);
            params.putAll(rest);
        }
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair p : pairs) {
                params.put(p.key, String.valueOf(p.value));
            }
        }
        String message = event.getFormattedMessage();
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable != null) {
            message = message + "\n" + StackTraces.print(throwable);
        }
        sender.send(formatter.format(event.getInstant(), Severities.of(event), simpleName(event.getLoggerName()), params,
                message));
    }

    @Override
    public void stop() {
        super.stop();
        sender.close();
    }

    private static String simpleName(String logger) {
        int dot = logger.lastIndexOf('.');
        return dot >= 0 && dot < logger.length() - 1 ? logger.substring(dot + 1) : logger;
    }
}
