package dev.vigil.alerting.notify.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A range of the day, {@code HH:MM} to {@code HH:MM}, the start included and the end excluded; the end may be
 * {@code 24:00}.
 *
 * @param startTime the first minute, such as {@code 09:00}
 * @param endTime the minute after the last, such as {@code 17:00}
 */
public record TimeRangeSpec(@JsonProperty("start_time") @Nullable String startTime,
        @JsonProperty("end_time") @Nullable String endTime) {}
