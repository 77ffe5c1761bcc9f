package dev.vigil.logging.logback;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import dev.vigil.api.logs.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * A logging event as the outputs see it: every text masked (message, MDC values, key/value values, exception
 * messages), the correlation fields ({@code trace_id}, {@code span_id}, {@code plugin}) added to the MDC, no
 * arguments (their masked text is in the message) and no caller data. Immutable, so any output may keep it.
 */
final class RedactedEvent implements ILoggingEvent {

    /** The MDC key of the trace id. */
    static final String TRACE_ID = "trace_id";
    /** The MDC key of the span id. */
    static final String SPAN_ID = "span_id";
    /** The MDC key of the plugin id. */
    static final String PLUGIN = "plugin";

    private static final StackTraceElement[] NO_CALLER_DATA = new StackTraceElement[0];

    private final Level level;
    private final String loggerName;
    private final LoggerContextVO loggerContext;
    private final Instant instant;
    private final long timeStamp;
    private final int nanoseconds;
    private final long sequenceNumber;
    private final String threadName;
    private final String message;
    private final Map<String, String> mdc;
    private final Map<String, String> callerMdc;
    private final List<KeyValuePair> keyValuePairs;
    private final @Nullable IThrowableProxy throwable;
    private final @Nullable List<Marker> markers;
    private final Severity severity;
    private final String traceId;
    private final String spanId;
    private final String plugin;

    /**
     * @param source the original event, whose values that need no masking (level, logger, time, sequence number,
     *     thread, markers) are copied; it is not kept, and with it neither its arguments nor its exception
     * @param mdc the caller's masked MDC with the correlation fields added
     * @param callerMdc the caller's masked MDC alone
     * @param traceId the current span's trace id, or empty
     * @param spanId the current span's id, or empty
     * @param plugin the calling plugin's id, or empty
     */
    RedactedEvent(ILoggingEvent source, String message, Map<String, String> mdc, Map<String, String> callerMdc,
            List<KeyValuePair> keyValuePairs, @Nullable IThrowableProxy throwable, String traceId, String spanId,
            String plugin) {
        requireNonNull(source, "source is null");
        this.level = source.getLevel();
        this.loggerName = String.valueOf(source.getLoggerName());
        this.loggerContext = source.getLoggerContextVO();
        this.instant = source.getInstant();
        this.timeStamp = source.getTimeStamp();
        this.nanoseconds = source.getNanoseconds();
        this.sequenceNumber = source.getSequenceNumber();
        this.threadName = String.valueOf(source.getThreadName());
        this.message = requireNonNull(message, "message is null");
        this.mdc = requireNonNull(mdc, "mdc is null");
        this.callerMdc = requireNonNull(callerMdc, "callerMdc is null");
        this.keyValuePairs = requireNonNull(keyValuePairs, "keyValuePairs is null");
        this.throwable = throwable;
        List<Marker> m = source.getMarkerList();
        this.markers = m == null ? null : List.copyOf(m);
        this.severity = Severities.of(level, markers);
        this.traceId = requireNonNull(traceId, "traceId is null");
        this.spanId = requireNonNull(spanId, "spanId is null");
        this.plugin = requireNonNull(plugin, "plugin is null");
    }

    /** The severity: the level, or FATAL for an error with the FATAL marker. */
    Severity severity() {
        return severity;
    }

    /** The current span's trace id when the event was logged, or empty. */
    String traceId() {
        return traceId;
    }

    /** The current span's id when the event was logged, or empty. */
    String spanId() {
        return spanId;
    }

    /** The id of the plugin that logged it, or empty. */
    String plugin() {
        return plugin;
    }

    /** The caller's MDC, masked, without the correlation fields. */
    Map<String, String> callerMdc() {
        return callerMdc;
    }

    @Override
    public String getThreadName() {
        return threadName;
    }

    @Override
    public Level getLevel() {
        return level;
    }

    /** The masked, formatted message: the arguments are already in it. */
    @Override
    public String getMessage() {
        return message;
    }

    /** None: an argument's unmasked value must not reach an output that writes arguments. */
    @Override
    public Object @Nullable [] getArgumentArray() {
        return null;
    }

    @Override
    public String getFormattedMessage() {
        return message;
    }

    @Override
    public String getLoggerName() {
        return loggerName;
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
        return loggerContext;
    }

    @Override
    public @Nullable IThrowableProxy getThrowableProxy() {
        return throwable;
    }

    /** None: finding the caller walks the stack, too dear for every event. */
    @Override
    public StackTraceElement[] getCallerData() {
        return NO_CALLER_DATA;
    }

    @Override
    public boolean hasCallerData() {
        return false;
    }

    @Override
    public @Nullable List<Marker> getMarkerList() {
        return markers;
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
        return mdc;
    }

    /** @deprecated as in {@link ILoggingEvent}: use {@link #getMDCPropertyMap()}. */
    @Deprecated
    @Override
    public Map<String, String> getMdc() {
        return mdc;
    }

    @Override
    public long getTimeStamp() {
        return timeStamp;
    }

    @Override
    public int getNanoseconds() {
        return nanoseconds;
    }

    @Override
    public Instant getInstant() {
        return instant;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
        return keyValuePairs;
    }

    @Override
    public void prepareForDeferredProcessing() {
        // everything was copied or computed when the event was made
    }

    @Override
    public String toString() {
        return "[" + getLevel() + "] " + message;
    }
}
