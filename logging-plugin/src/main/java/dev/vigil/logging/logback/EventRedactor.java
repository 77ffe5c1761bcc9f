package dev.vigil.logging.logback;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.vigil.logging.Masker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/**
 * The one stage every event passes before any output: adds {@code trace_id} and {@code span_id} from the current
 * OpenTelemetry span and {@code plugin} from the thread context class loader, and masks the message, the MDC
 * values and the key/value values (both with their keys, which may name a secret) and the exception messages. Runs
 * on the thread that logs, which is where the current span and the plugin are known. Thread-safe.
 */
final class EventRedactor {

    /** What replaces a text the masker failed on: an unmasked text must never reach an output. */
    static final String MASK_FAILED = "[redaction failed]";

    private final Masker masker;
    private final CurrentSpan spans;
    private final PluginIds plugins;
    private final AtomicLong failures;
    /** Per thread: the last MDC seen (a copy) and its masked form. */
    private final ThreadLocal<Object[]> lastMdc = new ThreadLocal<>();

    /**
     * @param failures counts the texts the masker threw on
     */
    EventRedactor(Masker masker, CurrentSpan spans, PluginIds plugins, AtomicLong failures) {
        this.masker = requireNonNull(masker, "masker is null");
        this.spans = requireNonNull(spans, "spans is null");
        this.plugins = requireNonNull(plugins, "plugins is null");
        this.failures = requireNonNull(failures, "failures is null");
    }

    /** {@code event} enriched and masked. */
    RedactedEvent redact(ILoggingEvent event) {
        String formatted = event.getFormattedMessage();
        String message = formatted == null ? "" : mask(formatted);

        Map<String, String> callerMdc = maskValues(event.getMDCPropertyMap());
        CurrentSpan.@Nullable Ids span = spans.current();
        String plugin = plugins.current();
        Map<String, String> mdc;
        if (span == null && plugin == null) {
            mdc = callerMdc;
        } else {
            LinkedHashMap<String, String> merged = new LinkedHashMap<>(callerMdc);
            if (span != null) {
                merged.put(RedactedEvent.TRACE_ID, span.traceId());
                merged.put(RedactedEvent.SPAN_ID, span.spanId());
            }
            if (plugin != null) {
                merged.put(RedactedEvent.PLUGIN, plugin);
            }
            mdc = Collections.unmodifiableMap(merged);
        }
        return new RedactedEvent(event, message, mdc, callerMdc, maskPairs(event.getKeyValuePairs()),
                MaskedThrowableProxy.of(event.getThrowableProxy(), this::mask),
                span == null ? "" : span.traceId(), span == null ? "" : span.spanId(), plugin == null ? "" : plugin);
    }

    /** {@code text} masked; {@value #MASK_FAILED} if the masker throws. */
    String mask(String text) {
        try {
            return masker.mask(text);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            return MASK_FAILED;
        }
    }

    /**
     * The MDC masked through {@link Masker#maskValues}, which may mask a value whole for what its key names. A thread
     * usually logs several events with the same MDC (a request's), so the last MDC and its masked form are kept per
     * thread and reused while the MDC is equal; they hold only JDK types, so a thread that outlives the plugin does
     * not keep its class loader.
     */
    private Map<String, String> maskValues(@Nullable Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Object[] last = lastMdc.get();
        if (last != null && map.equals(last[0])) {
            @SuppressWarnings("unchecked")
            Map<String, String> masked = (Map<String, String>) last[1];
            return masked;
        }
        LinkedHashMap<String, String> values = new LinkedHashMap<>(map.size() * 2);
        map.forEach((k, v) -> {
            if (k != null) {
                values.put(k, v == null ? "" : v);
            }
        });
        Map<String, String> masked;
        try {
            masked = Collections.unmodifiableMap(new LinkedHashMap<>(masker.maskValues(values)));
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            values.replaceAll((k, v) -> MASK_FAILED);
            return Collections.unmodifiableMap(values);
        }
        lastMdc.set(new Object[] {new HashMap<>(map), masked});
        return masked;
    }

    private List<KeyValuePair> maskPairs(@Nullable List<KeyValuePair> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            return List.of();
        }
        List<KeyValuePair> out = new ArrayList<>(pairs.size());
        for (KeyValuePair p : pairs) {
            if (p == null || p.key == null) {
                continue;
            }
            out.add(new KeyValuePair(p.key, maskValue(p.key, p.value)));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * A value masked with its key (a key may name a secret); a number or boolean stays one when masking leaves its
     * text alone, anything else becomes its masked text.
     */
    private @Nullable Object maskValue(String key, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        String text;
        try {
            text = String.valueOf(value);
        } catch (RuntimeException e) {
            // a broken toString must not stop the event; its text is unknown, so nothing of it is written
            return "[" + value.getClass().getName() + ".toString() failed]";
        }
        String masked;
        try {
            masked = masker.maskValues(Map.of(key, text)).getOrDefault(key, text);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            return MASK_FAILED;
        }
        if ((value instanceof Number || value instanceof Boolean) && masked.equals(text)) {
            return value;
        }
        return masked;
    }
}
