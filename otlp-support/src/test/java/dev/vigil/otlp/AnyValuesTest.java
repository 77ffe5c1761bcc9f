package dev.vigil.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnyValuesTest {

    private static AnyValue string(String s) {
        return AnyValue.newBuilder().setStringValue(s).build();
    }

    @Test
    void nonStringValuesAreWrittenAsTheAttributeSpecificationSays() {
        assertThat(AnyValues.text(AnyValue.newBuilder().setIntValue(42).build())).isEqualTo("42");
        assertThat(AnyValues.text(AnyValue.newBuilder().setBoolValue(true).build())).isEqualTo("true");
        assertThat(AnyValues.text(AnyValue.newBuilder().setDoubleValue(0.25).build())).isEqualTo("0.25");
        assertThat(AnyValues.text(AnyValue.newBuilder().setDoubleValue(1e21).build())).isEqualTo("1000000000000000000000");
        assertThat(AnyValues.text(AnyValue.newBuilder().setDoubleValue(Double.NEGATIVE_INFINITY).build())).isEqualTo("-Inf");
        assertThat(AnyValues.text(AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder()
                .addValues(string("a\"b"))
                .addValues(AnyValue.newBuilder().setIntValue(1))
                .addValues(AnyValue.newBuilder().setDoubleValue(Double.NaN))).build())).isEqualTo("[\"a\\\"b\",1,\"NaN\"]");
        assertThat(AnyValues.text(AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
                .addValues(KeyValue.newBuilder().setKey("k").setValue(string("line\nbreak")))).build())).isEqualTo("{\"k\":\"line\\nbreak\"}");
        assertThat(AnyValues.text(AnyValue.getDefaultInstance())).isEmpty();
    }

    @Test
    void attributeListsBecomeSortedMapsWhereTheLastRepeatedKeyWins() {
        List<KeyValue> attributes = List.of(
                KeyValue.newBuilder().setKey("service.name").setValue(string("first")).build(),
                KeyValue.newBuilder().setKey("").setValue(string("nameless")).build(),
                KeyValue.newBuilder().setKey("host.name").setValue(string("h1")).build(),
                KeyValue.newBuilder().setKey("service.name").setValue(string("second")).build());
        assertThat(AnyValues.toMap(attributes)).containsExactly(Map.entry("host.name", "h1"), Map.entry("service.name", "second"));
        assertThat(AnyValues.get(attributes, "host.name")).isEqualTo("h1");
        assertThat(AnyValues.get(attributes, "missing")).isEmpty();
    }
}
