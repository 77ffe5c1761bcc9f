package dev.vigil.logging.loki;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.metrics.Labels;
import dev.vigil.logging.logql.GoNumbers;
import dev.vigil.logging.logql.LogEntry;
import dev.vigil.logging.logql.LogResult;
import dev.vigil.logging.logql.LogStream;
import dev.vigil.logging.logql.MetricResult;
import dev.vigil.logging.logql.MetricValue;
import dev.vigil.logging.logql.QueryStatistics;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * Writes Loki's JSON answers with Jackson's streaming generator straight into the response, without building the
 * document in memory:
 * {@code {"status":"success","data":{"resultType":"streams","result":[...],"stats":{...}}}} with entries as
 * {@code ["<nanoseconds>","<line>"]} (or with a third element of structured metadata and parsed labels when labels are
 * categorized), matrices and vectors as Prometheus writes them with times in seconds, and label lists as
 * {@code {"status":"success","data":[...]}}. Stateless and thread-safe.
 */
final class LokiJson {

    /** The content type of every JSON answer, as Loki sends it. */
    static final String CONTENT_TYPE = "application/json; charset=UTF-8";

    /** The response flag that keeps structured metadata and parsed labels apart from stream labels. */
    static final String CATEGORIZE_LABELS = "categorize-labels";

    // the server closes the response stream itself
    private static final JsonFactory FACTORY = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** Writes one JSON document. */
    @FunctionalInterface
    interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    private LokiJson() {}

    /** A response body that {@code writer} writes as it goes out. */
    static HttpExchange.StreamingBody write(Writer writer) {
        return out -> {
            try (JsonGenerator json = FACTORY.createGenerator(out)) {
                writer.write(json);
            }
        };
    }

    /** The answer to a log query. */
    static HttpExchange.StreamingBody streams(LogResult result, boolean categorize) {
        return success(json -> {
            json.writeStringField("resultType", "streams");
            if (categorize) {
                json.writeArrayFieldStart("encodingFlags");
                json.writeString(CATEGORIZE_LABELS);
                json.writeEndArray();
            }
            json.writeArrayFieldStart("result");
            for (LogStream stream : result.streams()) {
                json.writeStartObject();
                json.writeFieldName("stream");
                labels(json, stream.labels());
                json.writeArrayFieldStart("values");
                for (LogEntry entry : stream.entries()) {
                    json.writeStartArray();
                    json.writeString(Long.toString(entry.timeNanos()));
                    json.writeString(entry.line());
                    if (categorize) {
                        json.writeStartObject();
                        if (!entry.structuredMetadata().isEmpty()) {
                            json.writeFieldName("structuredMetadata");
                            labels(json, entry.structuredMetadata());
                        }
                        if (!entry.parsed().isEmpty()) {
                            json.writeFieldName("parsed");
                            labels(json, entry.parsed());
                        }
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            statistics(json, result.statistics());
        });
    }

    /** The answer to a metric query. */
    static HttpExchange.StreamingBody metric(MetricResult result) {
        MetricValue value = result.value();
        return success(json -> {
            json.writeStringField("resultType", value.resultType());
            json.writeFieldName("result");
            if (value instanceof MetricValue.Matrix matrix) {
                json.writeStartArray();
                for (MetricValue.Series series : matrix.series()) {
                    json.writeStartObject();
                    json.writeFieldName("metric");
                    labels(json, series.labels());
                    json.writeArrayFieldStart("values");
                    for (int i = 0; i < series.values().length; i++) {
                        point(json, series.timestampsMillis()[i], series.values()[i]);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
            } else if (value instanceof MetricValue.Vector vector) {
                json.writeStartArray();
                for (MetricValue.Sample sample : vector.samples()) {
                    json.writeStartObject();
                    json.writeFieldName("metric");
                    labels(json, sample.labels());
                    json.writeFieldName("value");
                    point(json, sample.timestampMillis(), sample.value());
                    json.writeEndObject();
                }
                json.writeEndArray();
            } else {
                MetricValue.Scalar scalar = (MetricValue.Scalar) value;
                point(json, scalar.timestampMillis(), scalar.value());
            }
            statistics(json, result.statistics());
        });
    }

    /** {@code {"status":"success","data":[...]}}; without {@code data} when there is nothing, as Loki answers. */
    static HttpExchange.StreamingBody strings(Collection<String> values) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("status", "success");
            if (!values.isEmpty()) {
                json.writeArrayFieldStart("data");
                for (String value : values) {
                    json.writeString(value);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        });
    }

    /** {@code {"status":"success","data":[{...},...]}}. */
    static HttpExchange.StreamingBody labelSets(Collection<Labels> sets) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("status", "success");
            json.writeArrayFieldStart("data");
            for (Labels labels : sets) {
                labels(json, labels);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** Writes labels as an object, in name order. */
    static void labels(JsonGenerator json, Labels labels) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < labels.size(); i++) {
            json.writeStringField(labels.name(i), labels.value(i));
        }
        json.writeEndObject();
    }

    private static HttpExchange.StreamingBody success(Writer data) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("status", "success");
            json.writeObjectFieldStart("data");
            data.write(json);
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** {@code [<seconds>,"<value>"]}, the seconds as the shortest decimal of the milliseconds. */
    private static void point(JsonGenerator json, long millis, double value) throws IOException {
        json.writeStartArray();
        json.writeNumber(BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString());
        json.writeString(GoNumbers.format(value));
        json.writeEndArray();
    }

    /** The summary of Loki's {@code stats}. */
    private static void statistics(JsonGenerator json, QueryStatistics statistics) throws IOException {
        double seconds = statistics.execNanos() / 1e9;
        json.writeObjectFieldStart("stats");
        json.writeObjectFieldStart("summary");
        json.writeNumberField("bytesProcessedPerSecond", seconds > 0 ? (long) (statistics.bytesProcessed() / seconds) : 0);
        json.writeNumberField("linesProcessedPerSecond", seconds > 0 ? (long) (statistics.linesProcessed() / seconds) : 0);
        json.writeNumberField("totalBytesProcessed", statistics.bytesProcessed());
        json.writeNumberField("totalLinesProcessed", statistics.linesProcessed());
        json.writeNumberField("execTime", seconds);
        json.writeNumberField("queueTime", 0);
        json.writeNumberField("subqueries", 0);
        json.writeNumberField("totalEntriesReturned", statistics.entriesReturned());
        json.writeNumberField("splits", 0);
        json.writeNumberField("shards", 0);
        json.writeNumberField("totalPostFilterLines", statistics.postFilterLines());
        json.writeEndObject();
        json.writeEndObject();
    }
}
