package dev.vigil.alerting.notify.silence;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.config.ConfigProblems;
import dev.vigil.alerting.notify.match.Matchers;
import dev.vigil.alerting.notify.time.Schedule;
import dev.vigil.api.metrics.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The silences, by id, in the order they were created. Expired silences are kept for a retention period so that
 * people can see and copy them, then forgotten. Not thread-safe: the pipeline guards it.
 */
public final class Silences {

    private final Map<String, Silence> silences = new LinkedHashMap<>();

    /**
     * Creates a silence.
     *
     * @throws dev.vigil.alerting.notify.config.NotifyConfigException naming every problem with the request
     */
    public Silence create(SilenceRequest request, Instant now) {
        requireNonNull(request, "request is null");
        ConfigProblems problems = new ConfigProblems();
        Matchers matchers = Matchers.of(request.matchers());
        if (matchers.isEmpty()) {
            problems.add("matchers", "a silence needs at least one matcher");
        } else if (matchers.allMatchEmpty()) {
            problems.add("matchers", "at least one matcher must not match the empty string");
        }
        if (request.createdBy().isBlank()) {
            problems.add("createdBy", "missing author");
        }
        Instant start = request.startsAt().filter(s -> s.isAfter(now)).orElse(now);
        Optional<Schedule> schedule = Optional.empty();
        if (request.schedule().isEmpty()) {
            if (request.endsAt().isEmpty()) {
                problems.add("endsAt", "a silence without a schedule needs an end");
            }
        } else {
            schedule = Optional.ofNullable(Schedule.compile("", request.schedule(), "schedule", problems));
        }
        request.endsAt().ifPresent(end -> {
            if (!end.isAfter(now)) {
                problems.add("endsAt", "the end " + end + " is not in the future");
            } else if (!end.isAfter(start)) {
                problems.add("endsAt", "the end " + end + " is not after the start " + start);
            }
        });
        problems.throwIfAny("silence");
        Silence silence = new Silence(UUID.randomUUID().toString(), matchers, start, request.endsAt(),
                request.createdBy(), request.comment(), now, schedule);
        silences.put(silence.id(), silence);
        return silence;
    }

    /**
     * Ends the silence {@code id} at {@code now}.
     *
     * @return the silence as it is now, unchanged when it had already expired; empty when there is none
     */
    public Optional<Silence> expire(String id, Instant now) {
        Silence silence = silences.get(id);
        if (silence == null) {
            return Optional.empty();
        }
        if (silence.state(now) != SilenceState.EXPIRED) {
            silence = silence.expiredAt(now);
            silences.put(id, silence);
        }
        return Optional.of(silence);
    }

    /** The silence {@code id}. */
    public Optional<Silence> get(String id) {
        return Optional.ofNullable(silences.get(id));
    }

    /** Every silence, in the order created. */
    public List<Silence> list() {
        return List.copyOf(silences.values());
    }

    /** The ids of the silences that mute an alert with {@code labels} at {@code now}. */
    public List<String> silencedBy(Labels labels, Instant now) {
        List<String> ids = null;
        for (Silence silence : silences.values()) {
            if (silence.mutes(labels, now)) {
                if (ids == null) {
                    ids = new ArrayList<>(1);
                }
                ids.add(silence.id());
            }
        }
        return ids == null ? List.of() : ids;
    }

    /** Whether any silence mutes an alert with {@code labels} at {@code now}. */
    public boolean mutes(Labels labels, Instant now) {
        for (Silence silence : silences.values()) {
            if (silence.mutes(labels, now)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Forgets silences that ended more than {@code retention} before {@code now}.
     *
     * @return whether any was forgotten
     */
    public boolean collectGarbage(Instant now, Duration retention) {
        Instant limit = now.minus(retention);
        return silences.values().removeIf(s -> s.endsAt().isPresent() && s.endsAt().get().isBefore(limit));
    }

    /** Puts back a silence as it was saved. */
    public void restore(Silence silence) {
        silences.put(silence.id(), silence);
    }
}
