package dev.vigil.logging.logback;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.List;

/**
 * The one appender the plugin attaches to the root logger: passes each event through the {@link EventRedactor} on
 * the logging thread, then hands the masked copy to every output. Outputs and redactor are swapped whole when the
 * configuration changes, so an event sees either the old set or the new. Thread-safe.
 */
final class PipelineAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    static final String NAME = "vigil-logging";

    private volatile EventRedactor redactor;
    private volatile List<Appender<ILoggingEvent>> outputs = List.of();

    PipelineAppender(EventRedactor redactor) {
        this.redactor = requireNonNull(redactor, "redactor is null");
        setName(NAME);
    }

    void redactor(EventRedactor redactor) {
        this.redactor = requireNonNull(redactor, "redactor is null");
    }

    void outputs(List<Appender<ILoggingEvent>> outputs) {
        this.outputs = List.copyOf(outputs);
    }

    List<Appender<ILoggingEvent>> outputs() {
        return outputs;
    }

    @Override
    protected void append(ILoggingEvent event) {
        List<Appender<ILoggingEvent>> targets = outputs;
        if (targets.isEmpty()) {
            return;
        }
        RedactedEvent redacted = redactor.redact(event);
        for (int i = 0; i < targets.size(); i++) {
            targets.get(i).doAppend(redacted);
        }
    }
}
