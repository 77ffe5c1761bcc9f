package dev.vigil.metrics.query;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.QueryValue;
import java.io.IOException;
import java.util.List;

/**
 * Writes query results in the shapes of Prometheus's API: the {@code {"resultType":...,"result":...}} object of
 * {@code /api/v1/query} and {@code /api/v1/query_range}, and label sets. Points are written straight from the
 * result's arrays, with no object per point. Stateless and thread-safe.
 */
final class ValueWriter {

    private ValueWriter() {}

    /**
     * Writes {@code {"resultType":"<type>","result":<value>}}: a vector as
     * {@code [{"metric":{...},"value":[<time>,"<value>"]},...]}, a matrix as
     * {@code [{"metric":{...},"values":[[<time>,"<value>"],...]},...]}, a scalar or a string as
     * {@code [<time>,"<value>"]}.
     *
     * @param limit the most series written for a vector or matrix; 0 for all
     */
    static void writeQueryData(JsonGenerator json, ApiNumbers numbers, QueryValue value, int limit) throws IOException {
        json.writeStartObject();
        json.writeStringField("resultType", value.resultType());
        json.writeFieldName("result");
        if (value instanceof QueryValue.VectorValue vector) {
            writeVector(json, numbers, vector.samples(), limit);
        } else if (value instanceof QueryValue.MatrixValue matrix) {
            writeMatrix(json, numbers, matrix.series(), limit);
        } else if (value instanceof QueryValue.ScalarValue scalar) {
            json.writeStartArray();
            json.writeRawValue(numbers.chars(), 0, numbers.seconds(scalar.timestamp()));
            json.writeString(numbers.chars(), 0, numbers.scalarValue(scalar.value()));
            json.writeEndArray();
        } else if (value instanceof QueryValue.StringValue string) {
            json.writeStartArray();
            json.writeRawValue(numbers.chars(), 0, numbers.seconds(string.timestamp()));
            json.writeString(string.value());
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("unknown result type " + value.getClass().getName());
        }
        json.writeEndObject();
    }

    /** Whether {@link #writeQueryData} leaves series of {@code value} out with {@code limit}. */
    static boolean truncates(QueryValue value, int limit) {
        if (limit <= 0) {
            return false;
        }
        if (value instanceof QueryValue.VectorValue vector) {
            return vector.samples().size() > limit;
        }
        return value instanceof QueryValue.MatrixValue matrix && matrix.series().size() > limit;
    }

    /** Writes {@code {"name":"value",...}} in label-name order. */
    static void writeLabels(JsonGenerator json, Labels labels) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < labels.size(); i++) {
            json.writeStringField(labels.name(i), labels.value(i));
        }
        json.writeEndObject();
    }

    private static void writeVector(JsonGenerator json, ApiNumbers numbers, List<QueryValue.Sample> samples, int limit)
            throws IOException {
        int count = limit > 0 ? Math.min(limit, samples.size()) : samples.size();
        json.writeStartArray();
        for (int i = 0; i < count; i++) {
            QueryValue.Sample sample = samples.get(i);
            json.writeStartObject();
            json.writeFieldName("metric");
            writeLabels(json, sample.labels());
            json.writeFieldName("value");
            writePoint(json, numbers, sample.timestamp(), sample.value());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeMatrix(JsonGenerator json, ApiNumbers numbers, List<QueryValue.RangeSeries> series, int limit)
            throws IOException {
        int count = limit > 0 ? Math.min(limit, series.size()) : series.size();
        json.writeStartArray();
        for (int i = 0; i < count; i++) {
            QueryValue.RangeSeries one = series.get(i);
            json.writeStartObject();
            json.writeFieldName("metric");
            writeLabels(json, one.labels());
            json.writeArrayFieldStart("values");
            for (int p = 0; p < one.size(); p++) {
                writePoint(json, numbers, one.timestamp(p), one.value(p));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writePoint(JsonGenerator json, ApiNumbers numbers, long timestamp, double value) throws IOException {
        json.writeStartArray();
        json.writeRawValue(numbers.chars(), 0, numbers.timestamp(timestamp));
        json.writeString(numbers.chars(), 0, numbers.sampleValue(value));
        json.writeEndArray();
    }
}
