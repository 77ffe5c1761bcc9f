package dev.vigil.alerting.notify.state;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.alerting.notify.config.TimeIntervalSpec;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The JSON documents of the state files; instants are ISO-8601 strings and fingerprints hexadecimal. */
final class StateDocuments {

    private StateDocuments() {}

    record AlertsDocument(@JsonProperty("savedAt") String savedAt, @JsonProperty("alerts") List<AlertDocument> alerts) {}

    record AlertDocument(
            @JsonProperty("labels") Map<String, String> labels,
            @JsonProperty("annotations") @Nullable Map<String, String> annotations,
            @JsonProperty("startsAt") String startsAt,
            @JsonProperty("endsAt") String endsAt,
            @JsonProperty("timeout") boolean timeout,
            @JsonProperty("generatorURL") @Nullable String generatorUrl,
            @JsonProperty("updatedAt") String updatedAt) {}

    record LogDocument(@JsonProperty("entries") List<LogEntryDocument> entries,
            @JsonProperty("escalations") @Nullable List<EscalationDocument> escalations) {}

    record LogEntryDocument(
            @JsonProperty("groupKey") String groupKey,
            @JsonProperty("receiver") String receiver,
            @JsonProperty("timestamp") String timestamp,
            @JsonProperty("firing") List<String> firing,
            @JsonProperty("resolved") List<String> resolved) {}

    record EscalationDocument(
            @JsonProperty("groupKey") String groupKey,
            @JsonProperty("unackedSince") @Nullable String unackedSince,
            @JsonProperty("tiersReached") int tiersReached) {}

    record SilencesDocument(@JsonProperty("silences") List<SilenceDocument> silences) {}

    record SilenceDocument(
            @JsonProperty("id") String id,
            @JsonProperty("matchers") List<String> matchers,
            @JsonProperty("startsAt") String startsAt,
            @JsonProperty("endsAt") @Nullable String endsAt,
            @JsonProperty("createdBy") String createdBy,
            @JsonProperty("comment") String comment,
            @JsonProperty("updatedAt") String updatedAt,
            @JsonProperty("schedule") @Nullable List<TimeIntervalSpec> schedule) {}

    record AcksDocument(@JsonProperty("acks") List<AckDocument> acks) {}

    record AckDocument(
            @JsonProperty("fingerprint") String fingerprint,
            @JsonProperty("alertStartsAt") String alertStartsAt,
            @JsonProperty("by") String by,
            @JsonProperty("comment") String comment,
            @JsonProperty("createdAt") String createdAt,
            @JsonProperty("expiresAt") @Nullable String expiresAt) {}
}
